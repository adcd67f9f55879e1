import { invalidScope } from "../errors/oauth-error.js";

/** scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) (RFC 6749 §3.3). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function isScopeToken(value: string): boolean {
  return SCOPE_TOKEN.test(value);
}

/**
 * The scope tokens of a space-delimited scope string, without duplicates, in first-seen order.
 * `undefined` or an empty string yields none; a malformed token is `invalid_scope`.
 */
export function parseScope(scope: string | undefined): string[] {
  if (scope === undefined) return [];
  const tokens = scope.split(" ").filter((token) => token.length > 0);
  const malformed = tokens.find((token) => !isScopeToken(token));
  if (malformed !== undefined) {
    throw invalidScope("the scope parameter is malformed", { reason: "scope_malformed" });
  }
  return [...new Set(tokens)];
}

export function formatScope(tokens: readonly string[]): string {
  return tokens.join(" ");
}
