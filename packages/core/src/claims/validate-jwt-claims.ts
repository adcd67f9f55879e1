import type { JsonObject } from "../jws/parse-compact-jws.js";
import { validateAudience } from "./validate-audience.js";
import { validateExpiry } from "./validate-expiry.js";
import { validateIssuedAt } from "./validate-issued-at.js";
import { validateJti } from "./validate-jti.js";
import { validateLifetime } from "./validate-lifetime.js";
import { validateNotBefore } from "./validate-not-before.js";
import { validateSubject } from "./validate-subject.js";

/** The claim rules of an assertion (RFC 7523 §3), shared by grant assertions and client assertions. */
export interface ClaimsPolicy {
  readonly audiences: readonly string[];
  readonly clockSkewSeconds: number;
  readonly maxLifetimeSeconds: number;
  readonly maxIssuedAtAgeSeconds: number;
  readonly requireJti: boolean;
}

export interface ValidatedClaims {
  readonly subject: string;
  readonly jti: string | null;
  /** Seconds since the epoch. */
  readonly exp: number;
}

export function validateJwtClaims(claims: JsonObject, policy: ClaimsPolicy, now: Date): ValidatedClaims {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const subject = validateSubject(claims);
  validateAudience(claims, policy.audiences);
  const exp = validateExpiry(claims, nowSeconds, policy.clockSkewSeconds);
  validateNotBefore(claims, nowSeconds, policy.clockSkewSeconds);
  const iat = validateIssuedAt(claims, nowSeconds, policy.clockSkewSeconds, policy.maxIssuedAtAgeSeconds);
  validateLifetime(exp, iat, nowSeconds, policy.maxLifetimeSeconds);
  const jti = validateJti(claims, policy.requireJti);
  return { subject, jti, exp };
}
