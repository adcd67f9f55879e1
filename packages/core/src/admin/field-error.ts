import { invalidRequest, type OAuthError } from "../errors/oauth-error.js";

/** A bad field in an admin request: `invalid_request` naming the field (wire name) and the problem. */
export function fieldError(field: string, problem: string): OAuthError {
  return invalidRequest(`${field}: ${problem}`, { reason: "invalid_field" });
}
