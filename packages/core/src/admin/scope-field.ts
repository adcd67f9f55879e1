import { parseScope } from "../scope/parse-scope.js";
import { fieldError } from "./field-error.js";

/** The `scope` field of a client or an issuer: space-separated scope tokens. */
export function scopeField(scope: string): string[] {
  try {
    return parseScope(scope);
  } catch {
    throw fieldError("scope", "must be space-separated scope tokens");
  }
}
