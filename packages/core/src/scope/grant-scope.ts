import { invalidScope } from "../errors/oauth-error.js";

/**
 * The scope to grant: what was requested, each token allowed by every one of `limits` (a `null` limit allows
 * anything). With nothing requested, everything all limits allow together. A requested token outside a
 * limit is `invalid_scope`, never silently dropped.
 */
export function grantScope(
  requested: readonly string[],
  limits: readonly (readonly string[] | null)[],
): string[] {
  const allowed = (token: string) => limits.every((limit) => limit === null || limit.includes(token));
  if (requested.length === 0) {
    const [first, ...rest] = limits.filter((limit): limit is readonly string[] => limit !== null);
    if (first === undefined) return [];
    return first.filter((token) => rest.every((limit) => limit.includes(token)));
  }
  const refused = requested.filter((token) => !allowed(token));
  if (refused.length > 0) {
    throw invalidScope(
      "the requested scope exceeds what the client, the issuer, its trust rule and the assertion allow",
      {
        reason: "scope_not_allowed",
        detail: `refused ${refused.join(" ")}`,
      },
    );
  }
  return [...requested];
}
