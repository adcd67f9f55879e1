import { fetchDiscoveredJwksUri } from "./fetch-discovered-jwks-uri.js";
import type { JsonDocumentFetchOptions } from "./fetch-json-document.js";
import {
  createRemoteDocumentCache,
  type RemoteDocumentCache,
  type RemoteDocumentCacheOptions,
} from "./remote-document-cache.js";

export interface DiscoveredJwksUrisOptions extends JsonDocumentFetchOptions, RemoteDocumentCacheOptions {}

/** The `jwks_uri` of each issuer's OpenID Provider metadata, cached per issuer like a key set per URI. */
export type DiscoveredJwksUris = RemoteDocumentCache<string>;

export function createDiscoveredJwksUris(options: DiscoveredJwksUrisOptions): DiscoveredJwksUris {
  return createRemoteDocumentCache((issuer) => fetchDiscoveredJwksUri(issuer, options), options);
}
