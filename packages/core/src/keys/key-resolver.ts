import { createLruMap } from "../caching/lru-map.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { KeySource } from "../domain/trusted-issuer.js";
import { certificateToJwk } from "./certificate-to-jwk.js";
import type { DiscoveredJwksUris } from "./discovered-jwks-uris.js";
import type { RemoteJwks } from "./remote-jwks.js";

/** The public keys behind a key source, with certificates parsed once and remote documents cached. */
export interface KeyResolver {
  keysOf(source: KeySource): Promise<readonly PublicJwk[]>;
  /**
   * Fresh keys of a JWKS URI, or of a discovered one, for an unknown `kid`; `null` for inline sources or
   * within the cooldown.
   */
  refreshedKeysOf(source: KeySource): Promise<readonly PublicJwk[] | null>;
}

/** Parsed certificates kept at most; beyond this the least recently used is dropped. */
export const MAX_CACHED_CERTIFICATES = 1024;

export function createKeyResolver(remote: RemoteJwks, discovered: DiscoveredJwksUris): KeyResolver {
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
        case "certificates":
          return Promise.all(source.certificates.map(certificateKey));
        case "jwks":
          return source.jwks.keys;
        case "jwks_uri":
          return remote.keys(source.jwksUri);
        case "discovery":
          return remote.keys(await discovered.get(source.issuer));
      }
    },
    async refreshedKeysOf(source) {
      switch (source.kind) {
        case "certificate":
        case "certificates":
        case "jwks":
          return null;
        case "jwks_uri":
          return remote.refresh(source.jwksUri);
        case "discovery": {
          // The metadata too, at most once per cooldown: a key rotation may come with a moved key set.
          const jwksUri = (await discovered.refresh(source.issuer)) ?? (await discovered.get(source.issuer));
          return remote.refresh(jwksUri);
        }
      }
    },
  };
}
