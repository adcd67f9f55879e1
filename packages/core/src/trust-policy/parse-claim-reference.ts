/** Where a claim is: the reference tokens from the claims set down, e.g. `["kubernetes.io", "namespace"]`. */
export type ClaimPath = readonly string[];

const ESCAPE = /~([01])/g;

/**
 * A claim reference as written in a rule: a claim name, or an RFC 6901 JSON Pointer when it starts with `/`
 * (`~1` is `/`, `~0` is `~`). `repository_id` and `/repository_id` are the same path. `null` for an empty
 * reference or a pointer with any other `~` escape.
 */
export function parseClaimReference(reference: string): ClaimPath | null {
  if (reference.length === 0) return null;
  if (!reference.startsWith("/")) return [reference];
  const tokens = reference.slice(1).split("/");
  if (tokens.some((token) => !isEscapedToken(token))) return null;
  return tokens.map(unescapeToken);
}

function isEscapedToken(token: string): boolean {
  for (let index = token.indexOf("~"); index !== -1; index = token.indexOf("~", index + 1)) {
    const next = token[index + 1];
    if (next !== "0" && next !== "1") return false;
  }
  return true;
}

// One left-to-right pass, so that `~01` is `~1` and not `/` (RFC 6901 §4).
const unescapeToken = (token: string): string =>
  token.replace(ESCAPE, (_escape, code: string) => (code === "1" ? "/" : "~"));
