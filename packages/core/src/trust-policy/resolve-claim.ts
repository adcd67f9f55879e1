import type { JsonValue } from "../domain/json-value.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { ownProperty } from "./own-property.js";
import type { ClaimPath } from "./parse-claim-reference.js";

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The value at `path` in an assertion's claims, or `undefined` when nothing is there. Objects are entered by
 * their own properties only; arrays by an RFC 6901 index (`0`, `12`; not `01` or `-`) within their length.
 */
export function resolveClaim(claims: JsonObject, path: ClaimPath): JsonValue | undefined {
  let current: unknown = claims;
  for (const token of path) {
    if (Array.isArray(current)) {
      current = ARRAY_INDEX.test(token) ? current[Number(token)] : undefined;
    } else if (typeof current === "object" && current !== null) {
      current = ownProperty(current, token);
    } else {
      return undefined;
    }
  }
  // The claims set is decoded JSON, so whatever is found in it is a JSON value.
  return current as JsonValue | undefined;
}
