import type { Introspection } from "@jwtgrant/core";
import type { OAuthEndpointOptions } from "./oauth-endpoint.js";
import { type OAuthContext, oauthEndpoint, oauthJson } from "./oauth-endpoint.js";

const render = (c: OAuthContext, result: Introspection) =>
  result.active
    ? oauthJson(c, {
        active: true,
        ...(result.tokenType === undefined ? {} : { token_type: result.tokenType }),
        client_id: result.clientId,
        sub: result.sub,
        ...(result.scope === undefined ? {} : { scope: result.scope }),
        iss: result.iss,
        ...(result.aud === undefined ? {} : { aud: result.aud }),
        exp: result.exp,
        iat: result.iat,
        ...(result.jti === undefined ? {} : { jti: result.jti }),
        assertion_iss: result.assertionIssuer,
        ...(result.act === undefined ? {} : { act: result.act }),
      })
    : oauthJson(c, { active: false });

/** POST /oauth2/introspect (RFC 7662), for authenticated confidential clients. */
export function introspectionEndpoint(options: OAuthEndpointOptions) {
  const { engine } = options;
  return oauthEndpoint(options, "introspect", async (client, form, c) =>
    render(c, await engine.introspectToken({ client, token: form.get("token") })),
  );
}
