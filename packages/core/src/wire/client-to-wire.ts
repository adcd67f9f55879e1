import type { Client } from "../domain/client.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import { publicJwkMembers } from "./public-jwk-members.js";

/**
 * A client in the admin API's wire form (snake_case), as every response and the audit log show it: never
 * its secret, nor the secret's hash.
 */
export function clientToWire(client: Client): JsonObjectValue {
  const keySource = client.keySource;
  return {
    client_id: client.clientId,
    client_name: client.clientName,
    grant_types: [...client.grantTypes],
    scope: client.scope.join(" "),
    token_endpoint_auth_method: client.authMethod,
    ...(keySource === null
      ? {}
      : keySource.kind === "jwks"
        ? { jwks: { keys: keySource.jwks.keys.map(publicJwkMembers) } }
        : { jwks_uri: keySource.jwksUri }),
    redirect_uris: [...client.redirectUris],
    resources: [...client.resources],
    trusted_issuers: client.trustedIssuers === null ? null : [...client.trustedIssuers],
    access_token_ttl: client.accessTokenTtl,
    refresh_token_ttl: client.refreshTokenTtl,
    created_at: client.createdAt.toISOString(),
    updated_at: client.updatedAt.toISOString(),
  };
}
