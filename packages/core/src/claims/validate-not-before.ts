import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { readNumericDate } from "./numeric-date.js";

/** `nbf`, when present, must have been reached, allowing `skewSeconds` of clock difference. */
export function validateNotBefore(claims: JsonObject, nowSeconds: number, skewSeconds: number): void {
  const nbf = readNumericDate(claims, "nbf");
  if (nbf !== undefined && nbf > nowSeconds + skewSeconds) {
    throw invalidGrant("the assertion is not valid yet (nbf)", {
      reason: "nbf_future",
      detail: `nbf ${nbf}, now ${nowSeconds}`,
    });
  }
}
