import {
  invalidRequest,
  JWT_BEARER_GRANT,
  OAuthError,
  REFRESH_TOKEN_GRANT,
  type TokenResponse,
} from "@jwtgrant/core";
import type { OAuthEndpointOptions } from "./oauth-endpoint.js";
import { type OAuthContext, oauthEndpoint, oauthJson } from "./oauth-endpoint.js";

const render = (c: OAuthContext, response: TokenResponse) =>
  oauthJson(c, {
    access_token: response.accessToken,
    token_type: response.tokenType,
    expires_in: response.expiresIn,
    ...(response.refreshToken === undefined ? {} : { refresh_token: response.refreshToken }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
  });

/** Metric labels come from a closed set, whatever a client sends. */
const grantLabel = (grantType: string | undefined) =>
  grantType === JWT_BEARER_GRANT || grantType === REFRESH_TOKEN_GRANT
    ? grantType
    : grantType === undefined
      ? "none"
      : "unsupported";

/** POST /oauth2/token: the jwt-bearer and refresh_token grants. */
export function tokenEndpoint(options: OAuthEndpointOptions) {
  const { engine } = options;
  return oauthEndpoint(options, "token", async (client, form, c) => {
    const grantType = form.get("grant_type");
    c.get("outcome").grantType = grantLabel(grantType);
    const scope = form.get("scope");
    switch (grantType) {
      case JWT_BEARER_GRANT:
        return render(c, await engine.exchangeJwtBearer({ client, assertion: form.get("assertion"), scope }));
      case REFRESH_TOKEN_GRANT:
        return render(
          c,
          await engine.exchangeRefreshToken({ client, refreshToken: form.get("refresh_token"), scope }),
        );
      case undefined:
        throw invalidRequest("the grant_type parameter is required", { reason: "grant_type_missing" });
      default:
        throw new OAuthError("unsupported_grant_type", "the grant type is not supported", {
          reason: "grant_type_unsupported",
        });
    }
  });
}
