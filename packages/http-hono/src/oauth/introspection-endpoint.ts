import type { Engine, Introspection } from "@jwtgrant/core";
import { oauthEndpoint, oauthJson } from "./oauth-endpoint.js";

const render = (result: Introspection) =>
  result.active
    ? oauthJson({
        active: true,
        token_type: result.tokenType,
        client_id: result.clientId,
        sub: result.sub,
        ...(result.scope === undefined ? {} : { scope: result.scope }),
        iss: result.iss,
        ...(result.aud === undefined ? {} : { aud: result.aud }),
        exp: result.exp,
        iat: result.iat,
        ...(result.jti === undefined ? {} : { jti: result.jti }),
        assertion_iss: result.assertionIssuer,
      })
    : oauthJson({ active: false });

/** POST /oauth2/introspect (RFC 7662), for authenticated clients. */
export function introspectionEndpoint(engine: Engine) {
  return oauthEndpoint(engine, "introspect", async (client, form) =>
    render(await engine.introspectToken({ client, token: form.get("token") })),
  );
}
