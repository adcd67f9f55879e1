import type { FieldPath } from "../errors/field-path.js";
import { fieldError, textField } from "./field-error.js";

/** The longest issuer identifier or audience value accepted. */
export const MAX_IDENTIFIER_LENGTH = 2048;
/** The most entries of an identifier list (a client's trusted issuers, an issuer's audiences). */
export const MAX_IDENTIFIERS = 50;

/** An identifier compared exactly (an `iss` or `aud` value): non-empty text, no surrounding spaces. */
export function identifierField(field: string | FieldPath, value: string): string {
  if (value.length === 0 || value.length > MAX_IDENTIFIER_LENGTH || value.trim() !== value) {
    throw fieldError(
      field,
      `must be a non-empty string of at most ${MAX_IDENTIFIER_LENGTH} characters without surrounding spaces`,
    );
  }
  const path: FieldPath = typeof field === "string" ? [field] : field;
  return textField(path, value);
}

/** A non-empty list of identifiers, each once, in the order given. */
export function identifierListField(field: string, values: readonly string[]): string[] {
  if (values.length === 0 || values.length > MAX_IDENTIFIERS) {
    throw fieldError(field, `must list between 1 and ${MAX_IDENTIFIERS} values`);
  }
  return [...new Set(values.map((value, index) => identifierField([field, index], value)))];
}
