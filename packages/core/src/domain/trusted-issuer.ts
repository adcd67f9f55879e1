import type { AsymmetricAlgorithm } from "./algorithms.js";
import type { PublicJwkSet } from "./jwk.js";
import type { TrustRule } from "./trust-rule.js";

/** Where the public keys of a trusted issuer (or of a private_key_jwt client) come from. */
export type KeySource =
  | { readonly kind: "certificate"; readonly certificate: string }
  /** Several PEM certificates, so that a certificate rollover needs no switch to a JWKS. */
  | { readonly kind: "certificates"; readonly certificates: readonly string[] }
  | { readonly kind: "jwks"; readonly jwks: PublicJwkSet }
  | { readonly kind: "jwks_uri"; readonly jwksUri: string }
  /**
   * OpenID Provider metadata at `issuer` + `/.well-known/openid-configuration` names the `jwks_uri`; its own
   * `issuer` must equal `issuer`, the trusted issuer's identifier.
   */
  | { readonly kind: "discovery"; readonly issuer: string };

/**
 * Whether one assertion may be exchanged more than once: `single_use` claims its `jti`; `allowed` is for
 * workload tokens reused by design until they expire (`jti` optional and not recorded).
 */
export type AssertionReuse = "single_use" | "allowed";

/** Which `sub` values an issuer may assert. */
export type SubjectRule =
  | { readonly kind: "any" }
  | { readonly kind: "listed"; readonly subjects: readonly string[] };

/** An issuer whose signed assertions this server exchanges for its own tokens. */
export interface TrustedIssuer {
  readonly id: string;
  /** The `iss` value its assertions carry; unique. */
  readonly issuer: string;
  readonly name: string | null;
  readonly keySource: KeySource;
  /** Explicit allow-list; `null` means what each key implies (its `alg`, or its type's default). */
  readonly algorithms: readonly AsymmetricAlgorithm[] | null;
  readonly subjectRule: SubjectRule;
  /** The most this issuer may grant; `null` means no limit beyond the client's own scope. */
  readonly scope: readonly string[] | null;
  /** `aud` values accepted from this issuer besides this server's issuer identifier and token endpoint. */
  readonly audiences: readonly string[];
  readonly assertionReuse: AssertionReuse;
  /** Seconds; overrides the server's maximum assertion lifetime for this issuer. `null`: the server's. */
  readonly maxAssertionLifetimeSeconds: number | null;
  /** The trust policy: at least one rule must match. `null`: no rule applies (single-tenant issuers). */
  readonly rules: readonly TrustRule[] | null;
  /** Trust ends at this instant. */
  readonly expiresAt: Date | null;
  readonly enabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
