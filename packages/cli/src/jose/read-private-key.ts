import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import type { AsymmetricAlgorithm } from "@jwtgrant/core";
import { CliError } from "../cli-error.js";
import { readTextFile } from "../files/read-file.js";
import { keyThumbprint } from "./key-thumbprint.js";

export interface PrivateSigningKey {
  readonly key: KeyObject;
  /** What the key can sign with, the default (when no algorithm is asked for) first. */
  readonly algorithms: readonly [AsymmetricAlgorithm, ...AsymmetricAlgorithm[]];
  /** The RFC 7638 thumbprint of its public half. */
  readonly kid: string;
}

const RSA = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"] as const;

const ALGORITHMS: Readonly<Record<string, PrivateSigningKey["algorithms"]>> = {
  rsa: RSA,
  "rsa-pss": ["PS256", "PS384", "PS512"],
  ed25519: ["EdDSA"],
  "ec prime256v1": ["ES256"],
  "ec secp384r1": ["ES384"],
  "ec secp521r1": ["ES512"],
};

function algorithmsOf(key: KeyObject, path: string): PrivateSigningKey["algorithms"] {
  const type = key.asymmetricKeyType ?? "unknown";
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const algorithms = ALGORITHMS[curve === undefined ? type : `${type} ${curve}`];
  if (algorithms === undefined) {
    throw new CliError(
      `${path}: a ${curve ?? type} key cannot sign assertions (use EC P-256, Ed25519 or RSA)`,
    );
  }
  return algorithms;
}

/** A PEM private key (PKCS#8, or the older PKCS#1 and SEC1 forms), the algorithms it fits and its kid. */
export async function readPrivateKey(path: string): Promise<PrivateSigningKey> {
  const pem = await readTextFile(path);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CliError(`${path} is not a PEM private key`);
  }
  return { key, algorithms: algorithmsOf(key, path), kid: await keyThumbprint(createPublicKey(key)) };
}
