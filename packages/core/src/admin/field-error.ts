import { type FieldPath, formatFieldPath } from "../errors/field-path.js";
import { invalidRequest, type OAuthError } from "../errors/oauth-error.js";
import { isStorableText } from "../util/storable-text.js";

/**
 * A bad field in an admin request: `invalid_request` carrying the field's path, in wire names (a top-level
 * field by its name alone), and describing it as `path: problem`.
 */
export function fieldError(field: string | FieldPath, problem: string): OAuthError {
  const path: FieldPath = typeof field === "string" ? [field] : field;
  return invalidRequest(`${formatFieldPath(path)}: ${problem}`, { reason: "invalid_field", field: path });
}

/** A free-text field: refused unless it is text every storage keeps (no NUL, no unpaired surrogate). */
export function textField(field: string | FieldPath, value: string): string {
  if (!isStorableText(value)) throw fieldError(field, "must be text without NUL or unpaired surrogates");
  return value;
}

/** An optional free-text field: `null` clears it. */
export function nullableText(field: string, value: string | null): string | null {
  return value === null ? null : textField(field, value);
}
