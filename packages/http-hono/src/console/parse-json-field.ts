import type { FormError } from "./form-error.js";

/** A form field holding JSON: `undefined` when left empty, else the parsed value or the field's error. */
export type JsonField = { readonly value: unknown } | { readonly error: FormError };

export function parseJsonField(field: string, text: string): JsonField {
  if (text === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { error: { status: 400, field, message: `${field}: not valid JSON${detail}` } };
  }
}
