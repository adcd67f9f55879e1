import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { readNumericDate } from "./numeric-date.js";

/** `iat`, when present, must not lie in the future nor be older than `maxAgeSeconds` (both with skew). */
export function validateIssuedAt(
  claims: JsonObject,
  nowSeconds: number,
  skewSeconds: number,
  maxAgeSeconds: number,
): number | undefined {
  const iat = readNumericDate(claims, "iat");
  if (iat === undefined) return undefined;
  if (iat > nowSeconds + skewSeconds) {
    throw invalidGrant("the assertion was issued in the future (iat)", {
      reason: "iat_future",
      detail: `iat ${iat}, now ${nowSeconds}`,
    });
  }
  if (nowSeconds - iat > maxAgeSeconds + skewSeconds) {
    throw invalidGrant(`the assertion was issued more than ${maxAgeSeconds} seconds ago (iat)`, {
      reason: "iat_too_old",
      detail: `iat ${iat}, now ${nowSeconds}`,
    });
  }
  return iat;
}
