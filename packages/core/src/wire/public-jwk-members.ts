import type { JsonObjectValue } from "../domain/json-value.js";
import type { PublicJwk } from "../domain/jwk.js";

const PUBLIC_MEMBERS = ["kty", "crv", "x", "y", "n", "e", "alg", "kid", "use", "key_ops"] as const;

/**
 * A JWK's public members only, picked by name: a private member (`d`, `p`, `q`, `dp`, `dq`, `qi`, `k`) can
 * never reach the audit log, whatever object is passed in.
 */
export function publicJwkMembers(jwk: PublicJwk): JsonObjectValue {
  const members: Record<string, string | readonly string[]> = {};
  for (const name of PUBLIC_MEMBERS) {
    const value: unknown = (jwk as unknown as Readonly<Record<string, unknown>>)[name];
    if (typeof value === "string") members[name] = value;
    else if (Array.isArray(value)) members[name] = value.filter((item) => typeof item === "string");
  }
  return members;
}
