import { exportJWK, importX509 } from "jose";
import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import { parsePublicJwk } from "./parse-public-jwk.js";

/** One probe per key type: importX509 needs an algorithm, and the certificate tells the type only once parsed. */
const PROBE_ALGORITHMS: readonly AsymmetricAlgorithm[] = ["ES256", "ES384", "ES512", "EdDSA", "RS256"];

const PEM_CERTIFICATE =
  /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/;

/**
 * The public key of a PEM X.509 certificate, as a JWK without `kid` or `alg`. Rejects with a readable
 * message when the text is not one certificate with a supported public key.
 */
export async function certificateToJwk(pem: string): Promise<PublicJwk> {
  const text = pem.trim().concat("\n");
  if (!PEM_CERTIFICATE.test(text)) {
    throw new TypeError("certificate must be one PEM-encoded X.509 certificate");
  }
  for (const alg of PROBE_ALGORITHMS) {
    let jwk: unknown;
    try {
      jwk = await exportJWK(await importX509(text, alg, { extractable: true }));
    } catch {
      continue;
    }
    const parsed = parsePublicJwk(jwk);
    if (!parsed.ok) throw new TypeError(`certificate key is not usable: ${parsed.problem}`);
    return parsed.key;
  }
  throw new TypeError("certificate does not parse, or its key is not RSA, EC P-256/384/521 or Ed25519");
}
