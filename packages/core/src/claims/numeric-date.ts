import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

const MALFORMED = { exp: "exp_malformed", nbf: "nbf_malformed", iat: "iat_malformed" } as const;

/** A NumericDate claim (RFC 7519 §2): absent, or a finite JSON number of seconds. A string is refused. */
export function readNumericDate(claims: JsonObject, name: "exp" | "nbf" | "iat"): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidGrant(`the ${name} claim must be a NumericDate (a number of seconds)`, {
      reason: MALFORMED[name],
    });
  }
  return value;
}
