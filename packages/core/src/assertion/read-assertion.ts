import { invalidRequest, OAuthError } from "../errors/oauth-error.js";
import { type ParsedJws, parseCompactJws } from "../jws/parse-compact-jws.js";

/**
 * The `assertion` parameter decoded once, or why it cannot be: the refusal is kept, not thrown, so that the
 * checks that come before it in the grant (the client's grant type, the scope's syntax) still go first.
 */
export type ReadAssertion =
  | { readonly ok: true; readonly jws: ParsedJws }
  | { readonly ok: false; readonly refusal: OAuthError };

export function readAssertion(assertion: string | undefined, maxBytes: number): ReadAssertion {
  if (assertion === undefined || assertion.length === 0) {
    return {
      ok: false,
      refusal: invalidRequest("the assertion parameter is required", { reason: "assertion_missing" }),
    };
  }
  try {
    return { ok: true, jws: parseCompactJws(assertion, maxBytes) };
  } catch (error) {
    if (error instanceof OAuthError) return { ok: false, refusal: error };
    throw error;
  }
}
