import type { FormError } from "./form-error.js";

/** The rules editor's text read as JSON, for core to validate as an issuer's `rules`; `null` removes them. */
export type RulesText = { readonly rules: unknown } | { readonly error: FormError };

/**
 * Reads what the rules editor submitted. An empty box means no rules, as `null` does. The text is bounded by
 * the console's body limit; what it holds is core's to check, as it is for the admin API.
 */
export function parseRulesText(text: string): RulesText {
  if (text === "") return { rules: null };
  try {
    return { rules: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { error: { status: 400, field: "rules", message: `rules: not valid JSON${detail}` } };
  }
}
