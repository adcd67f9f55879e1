import { importTestKey } from "@jwtgrant/core/testing";
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";

export type IssuerAlgorithm = "RS256" | "ES256";

/** A signing key of a workload issuer: its public JWK as the issuer publishes it, and what it signs. */
export interface IssuerKey {
  readonly kid: string;
  readonly publicJwk: JWK;
  /** A compact JWS of `claims` with `alg`, `kid` and the issuer's other `header` members. */
  sign(claims: JWTPayload, header?: Readonly<Record<string, string>>): Promise<string>;
}

function issuerKey(
  alg: IssuerAlgorithm,
  kid: string,
  privateKey: CryptoKey,
  publicJwk: JWK,
  published: Readonly<JWK>,
): IssuerKey {
  return {
    kid,
    publicJwk: { ...publicJwk, kid, ...published },
    sign: (claims, header = {}) =>
      new SignJWT(claims).setProtectedHeader({ ...header, alg, kid }).sign(privateKey),
  };
}

/**
 * A fresh key pair. `published` holds the JWK members the issuer adds in its key set (`use`, `alg`, …), which
 * differ between issuers: a SPIFFE bundle marks keys `use: "jwt-svid"` and names no `alg`.
 */
export async function createIssuerKey(
  alg: IssuerAlgorithm,
  kid: string,
  published: Readonly<JWK> = { use: "sig", alg },
): Promise<IssuerKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return issuerKey(alg, kid, privateKey, await exportJWK(publicKey), published);
}

/** The key of a test certificate (PKCS#8 PEM), for a key set entry that carries the certificate too. */
export async function importIssuerKey(
  alg: IssuerAlgorithm,
  kid: string,
  pkcs8: string,
  published: Readonly<JWK>,
): Promise<IssuerKey> {
  const { privateKey, publicJwk } = await importTestKey(alg, pkcs8);
  // A certificate's key has no `key_ops`; leaving the member out keeps the JWK's type jose's.
  const { key_ops: _keyOps, ...members } = publicJwk;
  return issuerKey(alg, kid, privateKey, members, published);
}
