import { certificateToJwk, type KeySource } from "@jwtgrant/core";
import { calculateJwkThumbprint, type JWK } from "jose";

/** How an operator recognises one of an issuer's keys. */
export interface KeyFingerprint {
  readonly kid: string | null;
  /** RFC 7638 SHA-256 thumbprint. */
  readonly thumbprint: string;
  readonly kty: string;
}

/**
 * The fingerprints of the keys registered inline. A certificate's key has no `kid`, so the thumbprint is
 * what identifies it. Keys behind a JWKS URI or discovery are not fetched for a page view: `null`.
 */
export async function keyFingerprints(source: KeySource): Promise<KeyFingerprint[] | null> {
  if (source.kind === "jwks_uri" || source.kind === "discovery") return null;
  const jwks =
    source.kind === "jwks"
      ? source.jwks.keys
      : await Promise.all(
          (source.kind === "certificate" ? [source.certificate] : source.certificates).map(certificateToJwk),
        );
  return Promise.all(
    jwks.map(async (jwk) => ({
      kid: jwk.kid ?? null,
      // Our JWK type is readonly throughout; jose's is not, though it only reads the key.
      thumbprint: await calculateJwkThumbprint(jwk as JWK, "sha256"),
      kty: jwk.kty,
    })),
  );
}
