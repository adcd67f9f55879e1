import type { JsonObjectValue, JsonValue } from "../domain/json-value.js";
import type { KeySource, TrustedIssuer } from "../domain/trusted-issuer.js";
import { trustRulesToWire } from "../trust-policy/trust-rules-to-wire.js";
import { publicJwkMembers } from "./public-jwk-members.js";

function keySource(source: KeySource): JsonObjectValue {
  switch (source.kind) {
    case "certificate":
      return { certificate: source.certificate };
    case "certificates":
      return { certificates: [...source.certificates] };
    case "jwks":
      return { jwks: { keys: source.jwks.keys.map(publicJwkMembers) } };
    case "jwks_uri":
      return { jwks_uri: source.jwksUri };
    case "discovery":
      return { discovery: true };
  }
}

/**
 * An issuer in the admin API's wire form (snake_case), as every response, the audit log and an export show
 * it. An issuer holds public keys only, and only their public members are written.
 */
export function issuerToWire(issuer: TrustedIssuer): JsonObjectValue {
  return {
    id: issuer.id,
    issuer: issuer.issuer,
    name: issuer.name,
    ...keySource(issuer.keySource),
    algorithms: issuer.algorithms === null ? null : [...issuer.algorithms],
    allow_any_subject: issuer.subjectRule.kind === "any",
    ...(issuer.subjectRule.kind === "listed" ? { subjects: [...issuer.subjectRule.subjects] } : {}),
    scope: issuer.scope === null ? null : issuer.scope.join(" "),
    expires_at: issuer.expiresAt === null ? null : issuer.expiresAt.toISOString(),
    enabled: issuer.enabled,
    audiences: [...issuer.audiences],
    assertion_reuse: issuer.assertionReuse,
    max_assertion_lifetime: issuer.maxAssertionLifetimeSeconds,
    rules: issuer.rules === null ? null : (trustRulesToWire(issuer.rules) as unknown as JsonValue),
    created_at: issuer.createdAt.toISOString(),
    updated_at: issuer.updatedAt.toISOString(),
  };
}
