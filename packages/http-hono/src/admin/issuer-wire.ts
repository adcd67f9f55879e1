import {
  type KeySource,
  type TrustedIssuer,
  type TrustedIssuerInput,
  type TrustedIssuerPatch,
  trustRulesToWire,
} from "@jwtgrant/core";
import type { IssuerCreateBody, IssuerPatchBody, IssuerWire } from "./issuer-schemas.js";

function expiresAt(value: string | null | undefined): Date | null | undefined {
  return value === undefined || value === null ? value : new Date(value);
}

/** The fields every issuer body shares, snake_case to camelCase; `undefined` keeps its "not given" sense. */
function commonFields(body: IssuerPatchBody): Omit<TrustedIssuerInput, "issuer"> {
  return {
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
    expiresAt: expiresAt(body.expires_at),
    enabled: body.enabled,
    audiences: body.audiences,
    assertionReuse: body.assertion_reuse,
    maxAssertionLifetime: body.max_assertion_lifetime,
    rules: body.rules,
  };
}

export function issuerInputFromWire(body: IssuerCreateBody): TrustedIssuerInput {
  return { issuer: body.issuer, ...commonFields(body) };
}

export function issuerPatchFromWire(body: IssuerPatchBody): TrustedIssuerPatch {
  return { ...(body.issuer === undefined ? {} : { issuer: body.issuer }), ...commonFields(body) };
}

function keySourceToWire(
  source: KeySource,
): Pick<IssuerWire, "certificate" | "certificates" | "jwks" | "jwks_uri" | "discovery"> {
  switch (source.kind) {
    case "certificate":
      return { certificate: source.certificate };
    case "certificates":
      return { certificates: [...source.certificates] };
    case "jwks":
      return { jwks: { keys: source.jwks.keys.map((key) => ({ ...key })) } };
    case "jwks_uri":
      return { jwks_uri: source.jwksUri };
    case "discovery":
      return { discovery: true };
  }
}

export function issuerToWire(issuer: TrustedIssuer): IssuerWire {
  return {
    id: issuer.id,
    issuer: issuer.issuer,
    name: issuer.name,
    ...keySourceToWire(issuer.keySource),
    algorithms: issuer.algorithms === null ? null : [...issuer.algorithms],
    allow_any_subject: issuer.subjectRule.kind === "any",
    ...(issuer.subjectRule.kind === "listed" ? { subjects: [...issuer.subjectRule.subjects] } : {}),
    scope: issuer.scope === null ? null : issuer.scope.join(" "),
    expires_at: issuer.expiresAt === null ? null : issuer.expiresAt.toISOString(),
    enabled: issuer.enabled,
    audiences: [...issuer.audiences],
    assertion_reuse: issuer.assertionReuse,
    max_assertion_lifetime: issuer.maxAssertionLifetimeSeconds,
    rules: issuer.rules === null ? null : trustRulesToWire(issuer.rules),
    created_at: issuer.createdAt.toISOString(),
    updated_at: issuer.updatedAt.toISOString(),
  };
}
