import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { readNumericDate } from "./numeric-date.js";

/** `exp` is required and must not have passed, allowing `skewSeconds` of clock difference. */
export function validateExpiry(claims: JsonObject, nowSeconds: number, skewSeconds: number): number {
  const exp = readNumericDate(claims, "exp");
  if (exp === undefined) throw invalidGrant("the exp claim is required", { reason: "exp_missing" });
  if (nowSeconds >= exp + skewSeconds) {
    throw invalidGrant("the assertion has expired", {
      reason: "exp_passed",
      detail: `exp ${exp}, now ${nowSeconds}`,
    });
  }
  return exp;
}
