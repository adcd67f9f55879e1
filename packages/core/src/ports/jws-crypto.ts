import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { SigningKey } from "../domain/signing-key.js";

/** The three base64url segments of a compact JWS, exactly as received. */
export interface CompactJws {
  readonly protectedHeader: string;
  readonly payload: string;
  readonly signature: string;
}

/** The protected header of a token this server signs. */
export interface SigningHeader {
  readonly alg: SigningKey["alg"];
  readonly kid: string;
  readonly typ: string;
}

/**
 * The narrow seam every signature and digest passes through. The default is jose on Web Crypto (portable to every
 * runtime); a runtime may inject a faster native implementation with identical results.
 */
export interface JwsCrypto {
  /**
   * Verifies the signature of `jws` with `key` under `alg`. Resolves `false` for any signature that does
   * not verify, including one the key cannot check (wrong key type for `alg`); never rejects for bad input.
   */
  verify(jws: CompactJws, alg: AsymmetricAlgorithm, key: PublicJwk): Promise<boolean>;
  /** Signs `payload` with `key` and resolves the compact JWS `header.payload.signature`. */
  sign(header: SigningHeader, payload: Uint8Array, key: SigningKey): Promise<string>;
  /** base64url SHA-256 of the UTF-8 text: how client secrets and refresh tokens are stored and looked up. */
  sha256(text: string): Promise<string>;
}
