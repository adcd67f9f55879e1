import { invalidGrant, type OAuthError } from "../errors/oauth-error.js";

/** The refusal of an assertion whose (`iss`, `jti`) was already exchanged. */
export const assertionReplayed = (issuer: string, jti: string): OAuthError =>
  invalidGrant("the assertion has already been used", {
    reason: "assertion_replayed",
    detail: `iss ${issuer}, jti ${jti}`,
  });
