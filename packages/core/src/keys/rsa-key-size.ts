import { base64url } from "jose";
import type { PublicJwk } from "../domain/jwk.js";

/** RSA moduli under this many bits are refused (NIST SP 800-131A). */
export const MIN_RSA_MODULUS_BITS = 2048;

/**
 * The bit length of an RSA modulus given as a JWK `n`. Leading zero octets count for nothing: some libraries
 * prefix one, and any number of them would otherwise pad a short modulus to a long text. `0` when `n` does
 * not decode.
 */
export function rsaModulusBits(n: string): number {
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(n);
  } catch {
    return 0;
  }
  const first = bytes.findIndex((byte) => byte !== 0);
  if (first === -1) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first] ?? 0));
}

/** Whether `key` is strong enough to verify with: an RSA key needs a modulus of at least 2048 bits. */
export function hasAcceptableKeySize(key: PublicJwk): boolean {
  return key.kty !== "RSA" || rsaModulusBits(key.n) >= MIN_RSA_MODULUS_BITS;
}
