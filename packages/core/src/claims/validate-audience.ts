import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";

/** `aud` (a string or an array of strings) must contain one of `accepted`, compared exactly. */
export function validateAudience(claims: JsonObject, accepted: readonly string[]): void {
  const { aud } = claims;
  const values = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : undefined;
  if (values === undefined || values.length === 0 || !values.every((value) => typeof value === "string")) {
    throw invalidGrant("the aud claim is required and must be a string or an array of strings", {
      reason: "aud_invalid",
    });
  }
  if (!values.some((value) => accepted.includes(value))) {
    // The values are public (the server's metadata names its issuer and token endpoint), and the caller got
    // this far only with an assertion its issuer signed.
    throw invalidGrant(
      `the aud claim does not name this authorization server; accepted: ${accepted.join(", ")}`,
      {
        reason: "aud_mismatch",
        detail: `aud ${JSON.stringify(aud)}, accepted ${accepted.join(" ")}`,
      },
    );
  }
}
