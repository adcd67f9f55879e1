import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isStorableText } from "../util/storable-text.js";

const MAX_JTI_LENGTH = 256;

/** `jti`: a non-empty string of bounded length, storable as text; required unless `required` is false. */
export function validateJti(claims: JsonObject, required: boolean): string | null {
  const { jti } = claims;
  if (jti === undefined) {
    if (required) throw invalidGrant("the jti claim is required", { reason: "jti_missing" });
    return null;
  }
  if (typeof jti !== "string" || jti.length === 0 || jti.length > MAX_JTI_LENGTH || !isStorableText(jti)) {
    throw invalidGrant(`the jti claim must be a non-empty text of at most ${MAX_JTI_LENGTH} characters`, {
      reason: "jti_invalid",
    });
  }
  return jti;
}
