import type { PublicJwk } from "../domain/jwk.js";
import {
  fetchJsonDocument,
  type JsonDocumentFetchOptions,
  type JsonDocumentKind,
} from "./fetch-json-document.js";
import { jwksUnavailable } from "./jwks-unavailable.js";
import { parsePublicJwk } from "./parse-public-jwk.js";

export type KeySetFetchOptions = JsonDocumentFetchOptions;

const KEY_SET: JsonDocumentKind = {
  accept: "application/jwk-set+json, application/json",
  urlName: "jwks_uri",
  noun: "key set",
};

/**
 * Fetches the JWK Set at `uri` and keeps its usable signature keys. Every way the fetch can fail, including
 * a document that is not a JWK Set, throws `temporarily_unavailable` with reason `jwks_unavailable`.
 */
export async function fetchKeySet(uri: string, options: KeySetFetchOptions): Promise<readonly PublicJwk[]> {
  const document = await fetchJsonDocument(uri, KEY_SET, options);
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw jwksUnavailable(`${uri} did not answer a JWK Set`);
  // A published set may mix in encryption or unsupported keys; only usable signature keys are kept.
  return keys.flatMap((key: unknown) => {
    const parsed = parsePublicJwk(key);
    return parsed.ok ? [parsed.key] : [];
  });
}
