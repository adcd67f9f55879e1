import type { Client, ClientCreateInput, ClientInput, ClientWithSecret } from "@jwtgrant/core";
import type { ClientBody, ClientCreateBody, ClientWire, ClientWithSecretWire } from "./client-schemas.js";

/** Snake_case to camelCase; `undefined` keeps its "not given" sense for a patch. */
export function clientInputFromWire(body: ClientBody): ClientInput {
  return {
    clientName: body.client_name,
    grantTypes: body.grant_types,
    scope: body.scope,
    tokenEndpointAuthMethod: body.token_endpoint_auth_method,
    jwks: body.jwks,
    jwksUri: body.jwks_uri,
    redirectUris: body.redirect_uris,
    trustedIssuers: body.trusted_issuers,
    accessTokenTtl: body.access_token_ttl,
    refreshTokenTtl: body.refresh_token_ttl,
  };
}

function keySourceToWire(source: Client["keySource"]): Pick<ClientWire, "jwks" | "jwks_uri"> {
  if (source === null) return {};
  return source.kind === "jwks"
    ? { jwks: { keys: source.jwks.keys.map((key) => ({ ...key })) } }
    : { jwks_uri: source.jwksUri };
}

/** A create body: the fields of any client, and the id and secret of one moved from another server. */
export function clientCreateInputFromWire(body: ClientCreateBody): ClientCreateInput {
  const { client_id: clientId, client_secret: clientSecret, ...fields } = body;
  return { ...clientInputFromWire(fields), clientId, clientSecret };
}

/** A client as every response shows it: never its secret, nor the secret's hash. */
export function clientToWire(client: Client): ClientWire {
  return {
    client_id: client.clientId,
    client_name: client.clientName,
    grant_types: [...client.grantTypes],
    scope: client.scope.join(" "),
    token_endpoint_auth_method: client.authMethod,
    ...keySourceToWire(client.keySource),
    redirect_uris: [...client.redirectUris],
    trusted_issuers: client.trustedIssuers === null ? null : [...client.trustedIssuers],
    access_token_ttl: client.accessTokenTtl,
    refresh_token_ttl: client.refreshTokenTtl,
    created_at: client.createdAt.toISOString(),
    updated_at: client.updatedAt.toISOString(),
  };
}

/** The create and secret-rotation responses: the only ones that carry the secret in clear. */
export function clientWithSecretToWire({ client, clientSecret }: ClientWithSecret): ClientWithSecretWire {
  return { ...clientToWire(client), client_secret: clientSecret };
}
