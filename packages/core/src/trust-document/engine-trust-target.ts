import type { ClientInput } from "../admin/clients.js";
import type { TrustedIssuerPatch } from "../admin/trusted-issuers.js";
import type { AdminActor } from "../domain/admin-actor.js";
import type { Engine } from "../engine/engine.js";
import type { ClientBody, IssuerBody, TrustTarget } from "./trust-target.js";

/** Wire names to the engine's, leaving out what the body leaves out. */
function issuerPatch(body: IssuerBody): TrustedIssuerPatch {
  return {
    ...(body.issuer === undefined ? {} : { issuer: body.issuer }),
    name: body.name,
    certificate: body.certificate,
    certificates: body.certificates,
    jwks: body.jwks,
    jwksUri: body.jwks_uri,
    discovery: body.discovery,
    algorithms: body.algorithms,
    allowAnySubject: body.allow_any_subject,
    subjects: body.subjects,
    scope: body.scope,
    audiences: body.audiences,
    assertionReuse: body.assertion_reuse,
    maxAssertionLifetime: body.max_assertion_lifetime,
    expiresAt:
      body.expires_at === undefined || body.expires_at === null ? body.expires_at : new Date(body.expires_at),
    enabled: body.enabled,
    rules: body.rules,
  };
}

function clientInput(body: ClientBody): ClientInput {
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

/**
 * A plan carried out by the engine's admin use cases, as the server's start-up bootstrap does; the audit log
 * names `actor` for each change.
 */
export function engineTrustTarget(engine: Engine, actor: AdminActor): TrustTarget {
  return {
    async createIssuer(body) {
      const { issuer, ...rest } = issuerPatch(body);
      await engine.issuers.create(actor, { ...rest, issuer: issuer ?? "" });
    },
    async updateIssuer(id, patch) {
      await engine.issuers.update(actor, id, issuerPatch(patch));
    },
    deleteIssuer: (id) => engine.issuers.delete(actor, id),
    async createClient(body) {
      await engine.clients.create(actor, {
        ...clientInput(body),
        clientId: body.client_id,
        clientSecret: body.client_secret,
      });
    },
    async updateClient(clientId, patch) {
      await engine.clients.update(actor, clientId, clientInput(patch));
    },
    deleteClient: (clientId) => engine.clients.delete(actor, clientId),
  };
}
