/**
 * Claims an access token sets itself: a mapped claim may not take one of these names. `__proto__` is
 * refused too, so that no consumer assigning mapped claims one by one can change an object's prototype.
 */
const RESERVED_CLAIMS: ReadonlySet<string> = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "nbf",
  "iat",
  "jti",
  "client_id",
  "scope",
  "cnf",
  "act",
  "may_act",
  "azp",
  "auth_time",
  "acr",
  "amr",
  "assertion_iss",
  "__proto__",
]);

export function isReservedClaim(name: string): boolean {
  return RESERVED_CLAIMS.has(name);
}
