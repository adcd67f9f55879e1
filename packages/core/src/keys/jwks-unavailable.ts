import { OAuthError } from "../errors/oauth-error.js";

/** The failure of every fetch behind an issuer's keys; `detail` is private (logged, never sent). */
export const jwksUnavailable = (detail: string): OAuthError =>
  new OAuthError("temporarily_unavailable", "the issuer's keys could not be fetched, retry later", {
    reason: "jwks_unavailable",
    detail,
  });
