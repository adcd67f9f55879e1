import type { EngineSettings } from "../engine/settings.js";
import type { ClaimsPolicy } from "./validate-jwt-claims.js";

/**
 * The claim rules of assertions presented to this server: grant assertions and client assertions alike
 * must name it as audience and respect its clock and lifetime limits; only the `jti` requirement differs.
 */
export function assertionClaimsPolicy<RequireJti extends boolean>(
  settings: EngineSettings,
  requireJti: RequireJti,
): ClaimsPolicy<RequireJti> {
  return {
    audiences: [settings.issuer, settings.tokenEndpoint],
    clockSkewSeconds: settings.clockSkewSeconds,
    maxLifetimeSeconds: settings.maxAssertionLifetimeSeconds,
    maxIssuedAtAgeSeconds: settings.maxIssuedAtAgeSeconds,
    requireJti,
  };
}
