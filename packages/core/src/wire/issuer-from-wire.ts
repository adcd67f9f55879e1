import type { TrustedIssuerInput, TrustedIssuerPatch } from "../admin/trusted-issuers.js";

/** An issuer body in the admin API's wire form, every field optional; core checks what the values mean. */
export interface IssuerWireBody {
  readonly issuer?: string | undefined;
  readonly name?: string | null | undefined;
  readonly certificate?: string | undefined;
  readonly certificates?: readonly string[] | undefined;
  readonly jwks?: unknown;
  readonly jwks_uri?: string | undefined;
  readonly discovery?: boolean | undefined;
  readonly algorithms?: readonly string[] | null | undefined;
  readonly allow_any_subject?: boolean | undefined;
  readonly subjects?: readonly string[] | undefined;
  readonly scope?: string | null | undefined;
  readonly expires_at?: string | null | undefined;
  readonly enabled?: boolean | undefined;
  readonly audiences?: readonly string[] | null | undefined;
  readonly assertion_reuse?: string | undefined;
  readonly max_assertion_lifetime?: number | null | undefined;
  readonly rules?: unknown;
}

/** Snake_case to camelCase; `undefined` keeps its "not given" sense for a patch. */
export function issuerPatchFromWire(body: IssuerWireBody): TrustedIssuerPatch {
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
    expiresAt:
      body.expires_at === undefined || body.expires_at === null ? body.expires_at : new Date(body.expires_at),
    enabled: body.enabled,
    audiences: body.audiences,
    assertionReuse: body.assertion_reuse,
    maxAssertionLifetime: body.max_assertion_lifetime,
    rules: body.rules,
  };
}

/** A create body, whose `issuer` is required. */
export function issuerInputFromWire(body: IssuerWireBody & { readonly issuer: string }): TrustedIssuerInput {
  return { ...issuerPatchFromWire(body), issuer: body.issuer };
}
