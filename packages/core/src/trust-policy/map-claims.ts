import type { JsonValue } from "../domain/json-value.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isStorableText } from "../util/storable-text.js";
import { utf8Length } from "../util/utf8-length.js";
import type { ClaimPath } from "./parse-claim-reference.js";
import { resolveClaim } from "./resolve-claim.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";

/** A mapped claim, its source parsed once. */
export interface CompiledClaimMapping {
  readonly target: string;
  /** As written, for refusals. */
  readonly source: string;
  readonly path: ClaimPath;
}

export type MappedClaims =
  | { readonly outcome: "mapped"; readonly claims: Record<string, JsonValue> }
  /** `claim` is the source, as written, of the first mapped claim that cannot be carried. */
  | { readonly outcome: "too_large" | "unstorable"; readonly claim: string };

const MAX_BYTES = TRUST_POLICY_LIMITS.mappedClaimBytes;

// A character takes at most six bytes in JSON (`\u001f`), so a string this short needs no serializing.
const SURELY_SMALL_STRING = Math.floor((MAX_BYTES - 2) / 6);

function isTooLarge(value: JsonValue): boolean {
  if (typeof value === "string" && value.length <= SURELY_SMALL_STRING) return false;
  const serialized = JSON.stringify(value);
  // A UTF-16 unit takes one to three bytes in UTF-8, so counting is only needed between the two bounds.
  if (serialized.length > MAX_BYTES) return true;
  return serialized.length * 3 > MAX_BYTES && utf8Length(serialized) > MAX_BYTES;
}

/** Whether every string in a value, member names included, is text that storage keeps as it is. */
function isStorableValue(value: JsonValue): boolean {
  if (typeof value === "string") return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableValue);
  if (typeof value !== "object" || value === null) return true;
  return Object.entries(value).every(([key, member]) => isStorableText(key) && isStorableValue(member));
}

/**
 * The access-token claims a rule maps from the assertion, in the order written. A source that is missing or
 * `null` is left out; a value over 4 KiB as JSON, or holding text that storage would refuse (refresh tokens
 * carry these claims), means the rule does not match.
 */
export function mapClaims(mappings: readonly CompiledClaimMapping[], claims: JsonObject): MappedClaims {
  const entries: [string, JsonValue][] = [];
  for (const { target, source, path } of mappings) {
    const value = resolveClaim(claims, path);
    if (value === undefined || value === null) continue;
    if (isTooLarge(value)) return { outcome: "too_large", claim: source };
    if (!isStorableValue(value)) return { outcome: "unstorable", claim: source };
    entries.push([target, value]);
  }
  // Members are defined, never assigned, so no target can reach a prototype.
  return { outcome: "mapped", claims: Object.fromEntries(entries) };
}
