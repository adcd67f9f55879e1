import type { PublicJwk } from "../domain/jwk.js";
import { fetchKeySet, type KeySetFetchOptions } from "./fetch-key-set.js";
import { createRemoteDocumentCache, type RemoteDocumentCacheOptions } from "./remote-document-cache.js";

export interface RemoteJwksOptions extends KeySetFetchOptions, RemoteDocumentCacheOptions {}

/** Key sets fetched from JWKS URIs, cached per URI. */
export interface RemoteJwks {
  /**
   * The URI's keys: from the cache while fresh; while the URI fails, the last ones fetched until they are too
   * old; else `temporarily_unavailable`. No caller waits on a fetch during the backoff after a failure.
   */
  keys(uri: string): Promise<readonly PublicJwk[]>;
  /** Refetches the URI's keys for an unknown `kid`; `null` within the cooldown or the backoff. */
  refresh(uri: string): Promise<readonly PublicJwk[] | null>;
}

export function createRemoteJwks(options: RemoteJwksOptions): RemoteJwks {
  const cache = createRemoteDocumentCache((uri) => fetchKeySet(uri, options), options);
  return { keys: cache.get, refresh: cache.refresh };
}
