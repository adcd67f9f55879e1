import type { ClientCreateInput, ClientInput } from "../admin/clients.js";

/** A client body in the admin API's wire form, every field optional; core checks what the values mean. */
export interface ClientWireBody {
  readonly client_name?: string | null | undefined;
  readonly grant_types?: readonly string[] | undefined;
  readonly scope?: string | undefined;
  readonly token_endpoint_auth_method?: string | undefined;
  readonly jwks?: unknown;
  readonly jwks_uri?: string | undefined;
  readonly redirect_uris?: readonly string[] | undefined;
  readonly resources?: readonly string[] | undefined;
  readonly trusted_issuers?: readonly string[] | null | undefined;
  readonly access_token_ttl?: number | null | undefined;
  readonly refresh_token_ttl?: number | null | undefined;
}

/** Snake_case to camelCase; `undefined` keeps its "not given" sense for a patch. */
export function clientInputFromWire(body: ClientWireBody): ClientInput {
  return {
    clientName: body.client_name,
    grantTypes: body.grant_types,
    scope: body.scope,
    tokenEndpointAuthMethod: body.token_endpoint_auth_method,
    jwks: body.jwks,
    jwksUri: body.jwks_uri,
    redirectUris: body.redirect_uris,
    resources: body.resources,
    trustedIssuers: body.trusted_issuers,
    accessTokenTtl: body.access_token_ttl,
    refreshTokenTtl: body.refresh_token_ttl,
  };
}

/** A create body: the fields of any client, and the id and secret of one moved from another server. */
export function clientCreateInputFromWire(
  body: ClientWireBody & {
    readonly client_id?: string | undefined;
    readonly client_secret?: string | undefined;
  },
): ClientCreateInput {
  return { ...clientInputFromWire(body), clientId: body.client_id, clientSecret: body.client_secret };
}
