import { isSigningAlgorithm, type SigningAlgorithm } from "../domain/algorithms.js";

/** Options of the engine; every one but `issuer` has a documented default. */
export interface EngineOptions {
  /**
   * This server's issuer identifier: the `iss` of its tokens and an accepted assertion audience.
   * @example "https://auth.example.com"
   */
  readonly issuer: string;
  /** The token endpoint URL, also an accepted assertion audience. Default: `${issuer}/oauth2/token`. */
  readonly tokenEndpoint?: string;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`. Default 60. */
  readonly clockSkewSeconds?: number;
  /** Longest accepted `exp` − `iat` (or − now). Default 3600. */
  readonly maxAssertionLifetimeSeconds?: number;
  /** Oldest accepted `iat`. Default 3600. */
  readonly maxIssuedAtAgeSeconds?: number;
  /** Refuse assertions without `jti` (without one, replay cannot be detected). Default true. */
  readonly requireJti?: boolean;
  /** Largest accepted assertion. Default 16384. */
  readonly maxAssertionBytes?: number;
  /** Access token lifetime unless the client sets its own. Default 3600. */
  readonly accessTokenTtlSeconds?: number;
  /** Refresh token lifetime unless the client sets its own. Default 86400. */
  readonly refreshTokenTtlSeconds?: number;
  /**
   * How long after a refresh token was rotated a retry presenting it again is answered with the same
   * successor (and a new access token) instead of revoking the family: a client whose response was lost
   * keeps its session. 0 turns it off: any reuse revokes the family. Default 0.
   * @example 5
   */
  readonly refreshTokenReuseGraceSeconds?: number;
  /** Algorithm of new signing keys. Default `ES256`. */
  readonly signingAlgorithm?: SigningAlgorithm;
  /** The `aud` of issued access tokens. Default: `issuer`. */
  readonly accessTokenAudience?: string;
  /** Abort a JWKS URI fetch after this long. Default 3000. */
  readonly jwksTimeoutMs?: number;
  /** Largest accepted JWKS document. Default 262144. */
  readonly jwksMaxResponseBytes?: number;
  /** How long a fetched JWKS is served from memory. Default 300. */
  readonly jwksCacheMaxAgeSeconds?: number;
  /** Least time from a fetch of a JWKS URI, failed or not, to one forced by an unknown `kid`. Default 30. */
  readonly jwksCooldownSeconds?: number;
  /**
   * While a JWKS URI fails, its last key set is still served until it is this old (counted from its fetch);
   * after that the issuer's assertions get `temporarily_unavailable`. 0: never serve an expired key set. Default 86400.
   */
  readonly jwksStaleMaxAgeSeconds?: number;
  /** Wait after a failed JWKS fetch before the next; doubled after each further failure. Default 1. */
  readonly jwksRetryMinSeconds?: number;
  /** Longest wait between fetches of a failing JWKS URI (never longer than `jwksCacheMaxAgeSeconds`). Default 60. */
  readonly jwksRetryMaxSeconds?: number;
}

export type EngineSettings = Required<EngineOptions>;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new TypeError(`${name} must be a non-negative integer`);
  return value;
}

function absoluteUrl(name: string, value: string): string {
  try {
    new URL(value);
  } catch {
    throw new TypeError(`${name} must be an absolute URL`);
  }
  return value;
}

/** Validates the options once and fills in the defaults; misuse throws `TypeError`. */
export function resolveSettings(options: EngineOptions): EngineSettings {
  const issuer = absoluteUrl("issuer", options.issuer).replace(/\/+$/, "");
  const signingAlgorithm = options.signingAlgorithm ?? "ES256";
  if (!isSigningAlgorithm(signingAlgorithm))
    throw new TypeError("signingAlgorithm must be ES256, RS256 or EdDSA");
  const jwksRetryMinSeconds = positiveInteger("jwksRetryMinSeconds", options.jwksRetryMinSeconds ?? 1);
  const jwksRetryMaxSeconds = positiveInteger("jwksRetryMaxSeconds", options.jwksRetryMaxSeconds ?? 60);
  if (jwksRetryMaxSeconds < jwksRetryMinSeconds)
    throw new TypeError("jwksRetryMaxSeconds must not be less than jwksRetryMinSeconds");
  return {
    issuer,
    tokenEndpoint: absoluteUrl("tokenEndpoint", options.tokenEndpoint ?? `${issuer}/oauth2/token`),
    clockSkewSeconds: nonNegativeInteger("clockSkewSeconds", options.clockSkewSeconds ?? 60),
    maxAssertionLifetimeSeconds: positiveInteger(
      "maxAssertionLifetimeSeconds",
      options.maxAssertionLifetimeSeconds ?? 3600,
    ),
    maxIssuedAtAgeSeconds: positiveInteger("maxIssuedAtAgeSeconds", options.maxIssuedAtAgeSeconds ?? 3600),
    requireJti: options.requireJti ?? true,
    maxAssertionBytes: positiveInteger("maxAssertionBytes", options.maxAssertionBytes ?? 16384),
    accessTokenTtlSeconds: positiveInteger("accessTokenTtlSeconds", options.accessTokenTtlSeconds ?? 3600),
    refreshTokenTtlSeconds: positiveInteger(
      "refreshTokenTtlSeconds",
      options.refreshTokenTtlSeconds ?? 86400,
    ),
    refreshTokenReuseGraceSeconds: nonNegativeInteger(
      "refreshTokenReuseGraceSeconds",
      options.refreshTokenReuseGraceSeconds ?? 0,
    ),
    signingAlgorithm,
    accessTokenAudience: options.accessTokenAudience ?? issuer,
    jwksTimeoutMs: positiveInteger("jwksTimeoutMs", options.jwksTimeoutMs ?? 3000),
    jwksMaxResponseBytes: positiveInteger("jwksMaxResponseBytes", options.jwksMaxResponseBytes ?? 262144),
    jwksCacheMaxAgeSeconds: positiveInteger("jwksCacheMaxAgeSeconds", options.jwksCacheMaxAgeSeconds ?? 300),
    jwksCooldownSeconds: nonNegativeInteger("jwksCooldownSeconds", options.jwksCooldownSeconds ?? 30),
    jwksStaleMaxAgeSeconds: nonNegativeInteger(
      "jwksStaleMaxAgeSeconds",
      options.jwksStaleMaxAgeSeconds ?? 86400,
    ),
    jwksRetryMinSeconds,
    jwksRetryMaxSeconds,
  };
}
