import { invalidRequest, type OAuthError } from "../errors/oauth-error.js";
import { isStorableText } from "../util/storable-text.js";

/** A bad field in an admin request: `invalid_request` naming the field (wire name) and the problem. */
export function fieldError(field: string, problem: string): OAuthError {
  return invalidRequest(`${field}: ${problem}`, { reason: "invalid_field" });
}

/** A free-text field: refused unless it is text every storage keeps (no NUL, no unpaired surrogate). */
export function textField(field: string, value: string): string {
  if (!isStorableText(value)) throw fieldError(field, "must be text without NUL or unpaired surrogates");
  return value;
}

/** An optional free-text field: `null` clears it. */
export function nullableText(field: string, value: string | null): string | null {
  return value === null ? null : textField(field, value);
}
