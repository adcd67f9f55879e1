import { fieldError } from "../admin/field-error.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import type { PublicJwk } from "../domain/jwk.js";
import type { FieldPath } from "../errors/field-path.js";
import { parsePublicJwk } from "../keys/parse-public-jwk.js";
import { isWireObject } from "../trust-policy/wire-object.js";

const MAX_KEYS = 100;

function sortedMembers(key: PublicJwk): JsonObjectValue {
  return Object.fromEntries(Object.entries(key).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * A JWK Set as the server keeps it: each key public and supported, only the members the engine uses, in
 * name order, so that the document's set and the stored one compare equal.
 */
export function normalizeJwks(
  path: FieldPath,
  value: unknown,
): { readonly keys: readonly JsonObjectValue[] } {
  const keys = isWireObject(value) && "keys" in value ? value.keys : undefined;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) {
    throw fieldError(path, `must be a JWK Set: {"keys": [ … ]} with 1 to ${MAX_KEYS} keys`);
  }
  const items: readonly unknown[] = keys;
  return {
    keys: items.map((key, index) => {
      const parsed = parsePublicJwk(key);
      if (!parsed.ok) throw fieldError([...path, "keys", index], parsed.problem);
      return sortedMembers(parsed.key);
    }),
  };
}
