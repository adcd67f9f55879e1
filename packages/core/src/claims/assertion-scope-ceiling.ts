import { invalidGrant, OAuthError } from "../errors/oauth-error.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { parseScope } from "../scope/parse-scope.js";

const malformed = () =>
  invalidGrant("the assertion's scope claim must be a string of space-separated scope tokens", {
    reason: "scope_claim_invalid",
  });

/**
 * An assertion's `scope` claim, a ceiling on what its grant may carry (as Keycloak's downscoping and the
 * ID-JAG draft make it); `null` when the assertion has none. An empty claim allows no scope at all.
 */
export function assertionScopeCeiling(claims: JsonObject): readonly string[] | null {
  const { scope } = claims;
  if (scope === undefined) return null;
  if (typeof scope !== "string") throw malformed();
  try {
    return parseScope(scope);
  } catch (error) {
    if (error instanceof OAuthError) throw malformed();
    throw error;
  }
}
