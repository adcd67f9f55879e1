import { invalidGrant } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { isStorableText } from "../util/storable-text.js";

const MAX_SUBJECT_LENGTH = 1024;

/** `sub` is required: a non-empty string of bounded length, storable as text. */
export function validateSubject(claims: JsonObject): string {
  const { sub } = claims;
  if (typeof sub !== "string" || sub.length === 0 || !isStorableText(sub)) {
    throw invalidGrant("the sub claim is required and must be a non-empty text", { reason: "sub_invalid" });
  }
  if (sub.length > MAX_SUBJECT_LENGTH) {
    throw invalidGrant(`the sub claim exceeds ${MAX_SUBJECT_LENGTH} characters`, { reason: "sub_invalid" });
  }
  return sub;
}
