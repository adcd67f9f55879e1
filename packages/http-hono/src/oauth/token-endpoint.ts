import type { TokenResponse } from "@jwtgrant/core";
import type { OAuthEndpointOptions } from "./oauth-endpoint.js";
import { type OAuthContext, oauthEndpoint, oauthJson } from "./oauth-endpoint.js";

const render = (c: OAuthContext, response: TokenResponse) =>
  oauthJson(c, {
    access_token: response.accessToken,
    ...(response.issuedTokenType === undefined ? {} : { issued_token_type: response.issuedTokenType }),
    token_type: response.tokenType,
    expires_in: response.expiresIn,
    ...(response.refreshToken === undefined ? {} : { refresh_token: response.refreshToken }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
    ...(response.resource === undefined ? {} : { resource: response.resource }),
  });

/** POST /oauth2/token: reads the form and hands it to the engine's grant table. */
export function tokenEndpoint(options: OAuthEndpointOptions) {
  const { engine } = options;
  const served: ReadonlySet<string> = new Set(engine.grantTypes);
  /** Metric labels come from a closed set, whatever a client sends. */
  const grantLabel = (grantType: string | undefined) =>
    grantType === undefined ? "none" : served.has(grantType) ? grantType : "unsupported";
  return oauthEndpoint(options, "token", async (client, parameters, c) => {
    c.get("outcome").grantType = grantLabel(parameters.get("grant_type"));
    return render(c, await engine.exchangeToken({ client, parameters }));
  });
}
