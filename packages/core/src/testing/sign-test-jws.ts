import { base64url } from "jose";
import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { TestKey } from "./test-keys.js";

const HASHES: Record<string, string> = { "256": "SHA-256", "384": "SHA-384", "512": "SHA-512" };

function signParams(alg: AsymmetricAlgorithm): AlgorithmIdentifier | EcdsaParams | RsaPssParams {
  const hash = HASHES[alg.slice(2)] ?? "SHA-256";
  if (alg.startsWith("ES")) return { name: "ECDSA", hash };
  if (alg.startsWith("PS")) return { name: "RSA-PSS", saltLength: Number(alg.slice(2)) / 8 };
  if (alg === "EdDSA") return { name: "Ed25519" };
  return { name: "RSASSA-PKCS1-v1_5" };
}

const encodeJson = (value: unknown) => base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

/**
 * Signs any header and payload with the test key, exactly as given: no header rule of the signing library
 * stands between a test and a hostile token (`crit`, embedded `jwk`, odd `kid`s). `alg` defaults to the key's.
 */
export async function signTestJws(
  key: TestKey,
  claims: unknown,
  header: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const signingInput = `${encodeJson({ alg: key.alg, ...header })}.${encodeJson(claims)}`;
  const signature = await crypto.subtle.sign(
    signParams(key.alg),
    key.privateKey,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${base64url.encode(new Uint8Array(signature))}`;
}
