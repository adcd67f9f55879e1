import { NO_STORE_HEADERS } from "../errors/error-response.js";
import type { OAuthEndpointOptions } from "./oauth-endpoint.js";
import { oauthEndpoint } from "./oauth-endpoint.js";

/** POST /oauth2/revoke (RFC 7009): 200 whether or not the token was known. */
export function revocationEndpoint(options: OAuthEndpointOptions) {
  const { engine } = options;
  return oauthEndpoint(options, "revoke", async (client, form, c) => {
    await engine.revokeToken({ client, token: form.get("token") });
    return c.body(null, 200, NO_STORE_HEADERS);
  });
}
