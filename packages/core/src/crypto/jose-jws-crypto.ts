import { CompactSign, type CryptoKey, errors, flattenedVerify, importJWK } from "jose";
import type { AsymmetricAlgorithm } from "../domain/algorithms.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { SigningKey } from "../domain/signing-key.js";
import { publicKeyFingerprint } from "../keys/public-key-fingerprint.js";
import { hasAcceptableKeySize } from "../keys/rsa-key-size.js";
import type { CompactJws, JwsCrypto, SigningHeader } from "../ports/jws-crypto.js";
import { sha256 } from "../util/sha256.js";

/** Imported keys are reused across requests; the bound keeps a churn of keys from growing memory. */
const MAX_CACHED_KEYS = 1024;

/** The portable `JwsCrypto`: jose on Web Crypto, the reference every other implementation must match. */
export function createJoseJwsCrypto(): JwsCrypto {
  const verifyKeys = new Map<string, Promise<CryptoKey | null>>();
  const signKeys = new Map<string, Promise<CryptoKey>>();

  function importVerifyKey(key: PublicJwk, alg: AsymmetricAlgorithm): Promise<CryptoKey | null> {
    const cacheKey = `${alg}|${publicKeyFingerprint(key)}`;
    let imported = verifyKeys.get(cacheKey);
    if (imported === undefined) {
      if (verifyKeys.size >= MAX_CACHED_KEYS) verifyKeys.clear();
      const { alg: _alg, key_ops: _ops, use: _use, ...material } = key;
      imported = hasAcceptableKeySize(key)
        ? (importJWK({ ...material }, alg) as Promise<CryptoKey>).catch(() => null)
        : Promise.resolve(null);
      verifyKeys.set(cacheKey, imported);
    }
    return imported;
  }

  function importSignKey(key: SigningKey): Promise<CryptoKey> {
    const cacheKey = `${key.alg}|${key.kid}`;
    let imported = signKeys.get(cacheKey);
    if (imported === undefined) {
      if (signKeys.size >= MAX_CACHED_KEYS) signKeys.clear();
      imported = importJWK(key.privateJwk, key.alg) as Promise<CryptoKey>;
      signKeys.set(cacheKey, imported);
    }
    return imported;
  }

  return {
    async verify(jws: CompactJws, alg: AsymmetricAlgorithm, key: PublicJwk): Promise<boolean> {
      const cryptoKey = await importVerifyKey(key, alg);
      if (cryptoKey === null) return false;
      try {
        await flattenedVerify(
          { protected: jws.protectedHeader, payload: jws.payload, signature: jws.signature },
          cryptoKey,
          { algorithms: [alg] },
        );
        return true;
      } catch (error) {
        if (error instanceof errors.JOSEError) return false;
        throw error;
      }
    },

    async sign(header: SigningHeader, payload: Uint8Array, key: SigningKey): Promise<string> {
      return new CompactSign(payload).setProtectedHeader({ ...header }).sign(await importSignKey(key));
    },

    sha256,
  };
}
