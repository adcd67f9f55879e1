import { createLruMap } from "../caching/lru-map.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { KeySource } from "../domain/trusted-issuer.js";
import { certificateToJwk } from "./certificate-to-jwk.js";
import type { RemoteJwks } from "./remote-jwks.js";

/** The public keys behind a key source, with certificates parsed once and JWKS URIs cached. */
export interface KeyResolver {
  keysOf(source: KeySource): Promise<readonly PublicJwk[]>;
  /** Fresh keys of a JWKS URI for an unknown `kid`; `null` for other sources or within the cooldown. */
  refreshedKeysOf(source: KeySource): Promise<readonly PublicJwk[] | null>;
}

/** Parsed certificates kept at most; beyond this the least recently used is dropped. */
export const MAX_CACHED_CERTIFICATES = 1024;

export function createKeyResolver(remote: RemoteJwks): KeyResolver {
  const certificates = createLruMap<string, Promise<PublicJwk>>(MAX_CACHED_CERTIFICATES);

  function certificateKey(pem: string): Promise<PublicJwk> {
    let key = certificates.get(pem);
    if (key === undefined) {
      key = certificateToJwk(pem);
      certificates.set(pem, key);
      key.catch(() => certificates.delete(pem));
    }
    return key;
  }

  return {
    async keysOf(source) {
      switch (source.kind) {
        case "certificate":
          return [await certificateKey(source.certificate)];
        case "jwks":
          return source.jwks.keys;
        case "jwks_uri":
          return remote.keys(source.jwksUri);
        case "discovery":
          throw new TypeError("discovery is not wired yet");
      }
    },
    async refreshedKeysOf(source) {
      return source.kind === "jwks_uri" ? remote.refresh(source.jwksUri) : null;
    },
  };
}
