import type { Client } from "../domain/client.js";
import type { JsonObjectValue } from "../domain/json-value.js";
import { publicJwkMembers } from "./public-jwk-members.js";

/** Stands in for a client's secret: the log says that there is one, never what it is or its hash. */
export const REDACTED = "[redacted]";

/** A client as the admin API shows it, for the audit log; its secret is `REDACTED` when it has one. */
export function clientSnapshot(client: Client): JsonObjectValue {
  const keySource = client.keySource;
  return {
    client_id: client.clientId,
    client_name: client.clientName,
    client_secret: client.secretHash === null ? null : REDACTED,
    grant_types: [...client.grantTypes],
    scope: client.scope.join(" "),
    token_endpoint_auth_method: client.authMethod,
    ...(keySource === null
      ? {}
      : keySource.kind === "jwks"
        ? { jwks: { keys: keySource.jwks.keys.map(publicJwkMembers) } }
        : { jwks_uri: keySource.jwksUri }),
    redirect_uris: [...client.redirectUris],
    trusted_issuers: client.trustedIssuers === null ? null : [...client.trustedIssuers],
    access_token_ttl: client.accessTokenTtl,
    refresh_token_ttl: client.refreshTokenTtl,
    created_at: client.createdAt.toISOString(),
    updated_at: client.updatedAt.toISOString(),
  };
}
