import type { PublicJwk } from "../domain/jwk.js";

/** A string that identifies a public key by its material alone, for caches of imported keys. */
export function publicKeyFingerprint(key: PublicJwk): string {
  switch (key.kty) {
    case "RSA":
      return `RSA|${key.n}|${key.e}`;
    case "EC":
      return `EC|${key.crv}|${key.x}|${key.y}`;
    case "OKP":
      return `OKP|${key.crv}|${key.x}`;
  }
}
