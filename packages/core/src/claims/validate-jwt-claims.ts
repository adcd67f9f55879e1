import type { JsonObject } from "../jws/parse-compact-jws.js";
import { validateAudience } from "./validate-audience.js";
import { validateExpiry } from "./validate-expiry.js";
import { validateIssuedAt } from "./validate-issued-at.js";
import { validateJti } from "./validate-jti.js";
import { validateLifetime } from "./validate-lifetime.js";
import { validateNotBefore } from "./validate-not-before.js";
import { validateSubject } from "./validate-subject.js";

/** The claim rules of an assertion (RFC 7523 §3), shared by grant assertions and client assertions. */
export interface ClaimsPolicy<RequireJti extends boolean = boolean> {
  readonly audiences: readonly string[];
  readonly clockSkewSeconds: number;
  readonly maxLifetimeSeconds: number;
  readonly maxIssuedAtAgeSeconds: number;
  readonly requireJti: RequireJti;
}

export interface ValidatedClaims<RequireJti extends boolean = boolean> {
  readonly subject: string;
  /** Present whenever the policy requires it. */
  readonly jti: RequireJti extends true ? string : string | null;
  /** Seconds since the epoch. */
  readonly exp: number;
}

export function validateJwtClaims<RequireJti extends boolean>(
  claims: JsonObject,
  policy: ClaimsPolicy<RequireJti>,
  now: Date,
): ValidatedClaims<RequireJti> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const subject = validateSubject(claims);
  validateAudience(claims, policy.audiences);
  const exp = validateExpiry(claims, nowSeconds, policy.clockSkewSeconds);
  validateNotBefore(claims, nowSeconds, policy.clockSkewSeconds);
  const iat = validateIssuedAt(claims, nowSeconds, policy.clockSkewSeconds, policy.maxIssuedAtAgeSeconds);
  validateLifetime(exp, iat, nowSeconds, policy.maxLifetimeSeconds);
  const jti = validateJti(claims, policy.requireJti);
  // validateJti throws when a required jti is absent, so jti is a string whenever RequireJti is true.
  return { subject, jti, exp } as ValidatedClaims<RequireJti>;
}
