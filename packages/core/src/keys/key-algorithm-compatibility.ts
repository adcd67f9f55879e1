import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";

/**
 * The `use` values of a key that verifies signatures: `sig` (RFC 7517), and `jwt-svid`, which a SPIFFE trust
 * bundle gives its JWT-SVID signing keys. An `x509-svid` key of the same bundle, or an `enc` key, is refused.
 */
const SIGNATURE_USES: ReadonlySet<string> = new Set(["sig", "jwt-svid"]);

/** The algorithm a key implies when neither the issuer nor the key names one. */
function impliedAlgorithm(key: PublicJwk): AsymmetricAlgorithm {
  switch (key.kty) {
    case "RSA":
      return "RS256";
    case "OKP":
      return "EdDSA";
    case "EC":
      return key.crv === "P-256" ? "ES256" : key.crv === "P-384" ? "ES384" : "ES512";
  }
}

/** Whether the key's type (and curve) can produce signatures of `alg` at all. */
function keyTypeFits(key: PublicJwk, alg: AsymmetricAlgorithm): boolean {
  switch (key.kty) {
    case "RSA":
      return alg.startsWith("RS") || alg.startsWith("PS");
    case "OKP":
      return alg === "EdDSA";
    case "EC":
      return impliedAlgorithm(key) === alg;
  }
}

/**
 * Whether `key` may verify a signature made with `alg` for an issuer whose explicit allow-list is
 * `allowed` (`null`: each key allows only its own `alg`, or its type's default).
 */
export function keyAcceptsAlgorithm(
  key: PublicJwk,
  alg: AsymmetricAlgorithm,
  allowed: readonly AsymmetricAlgorithm[] | null,
): boolean {
  if (key.use !== undefined && !SIGNATURE_USES.has(key.use)) return false;
  if (key.key_ops !== undefined && !key.key_ops.includes("verify")) return false;
  if (key.alg !== undefined && key.alg !== alg) return false;
  if (!keyTypeFits(key, alg)) return false;
  if (allowed !== null) return allowed.includes(alg);
  return (key.alg ?? impliedAlgorithm(key)) === alg;
}
