import type { Client } from "../domain/client.js";
import type { KeySource, TrustedIssuer } from "../domain/trusted-issuer.js";
import type { Engine } from "../engine/engine.js";
import { formatScope } from "../scope/parse-scope.js";
import { trustRulesToWire } from "../trust-policy/trust-rules-to-wire.js";
import { normalizeJwks } from "./normalize-jwks.js";
import type { ClientEntry, IssuerEntry, TrustState } from "./trust-document.js";

type KeySourceFields = Pick<IssuerEntry, "certificate" | "certificates" | "jwks" | "jwks_uri" | "discovery">;

function keySourceFields(source: KeySource, path: "issuers" | "clients"): KeySourceFields {
  switch (source.kind) {
    case "certificate":
      return { certificate: source.certificate };
    case "certificates":
      return { certificates: [...source.certificates] };
    case "jwks":
      return { jwks: normalizeJwks([path], source.jwks) };
    case "jwks_uri":
      return { jwks_uri: source.jwksUri };
    case "discovery":
      return { discovery: true };
  }
}

/** A stored issuer in the document's terms, as `parseIssuerEntry` would read its admin API form. */
export function issuerEntryOf(issuer: TrustedIssuer): IssuerEntry {
  return {
    issuer: issuer.issuer,
    name: issuer.name,
    ...keySourceFields(issuer.keySource, "issuers"),
    algorithms: issuer.algorithms === null ? null : [...issuer.algorithms],
    subjects: issuer.subjectRule.kind === "listed" ? [...issuer.subjectRule.subjects] : null,
    scope: issuer.scope === null ? null : formatScope(issuer.scope),
    audiences: [...issuer.audiences],
    assertion_reuse: issuer.assertionReuse,
    max_assertion_lifetime: issuer.maxAssertionLifetimeSeconds,
    expires_at: issuer.expiresAt === null ? null : issuer.expiresAt.toISOString(),
    enabled: issuer.enabled,
    rules: issuer.rules === null ? null : trustRulesToWire(issuer.rules),
  };
}

/** A stored client in the document's terms, without its secret's hash. */
export function clientEntryOf(client: Client): ClientEntry {
  return {
    client_id: client.clientId,
    client_name: client.clientName,
    grant_types: [...client.grantTypes],
    scope: formatScope(client.scope),
    token_endpoint_auth_method: client.authMethod,
    ...(client.keySource === null ? {} : keySourceFields(client.keySource, "clients")),
    redirect_uris: [...client.redirectUris],
    trusted_issuers: client.trustedIssuers === null ? null : [...client.trustedIssuers],
    access_token_ttl: client.accessTokenTtl,
    refresh_token_ttl: client.refreshTokenTtl,
  };
}

/** Every issuer and client the engine holds, in the document's terms. */
export async function readTrustState(engine: Engine): Promise<TrustState> {
  const [issuers, clients] = await Promise.all([engine.issuers.list(), engine.clients.list()]);
  return {
    issuers: issuers.map((issuer) => ({ id: issuer.id, entry: issuerEntryOf(issuer) })),
    clients: clients.map(clientEntryOf),
  };
}
