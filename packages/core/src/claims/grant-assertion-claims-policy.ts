import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineSettings } from "../engine/settings.js";
import { assertionClaimsPolicy } from "./assertion-claims-policy.js";
import type { ClaimsPolicy } from "./validate-jwt-claims.js";

/**
 * The claim rules of a grant assertion from `issuer`: the server's, widened by the issuer's extra audiences,
 * with its own lifetime limit, and without a required `jti` when its assertions are reused by design.
 */
export function grantAssertionClaimsPolicy(settings: EngineSettings, issuer: TrustedIssuer): ClaimsPolicy {
  const server = assertionClaimsPolicy(
    settings,
    settings.requireJti && issuer.assertionReuse === "single_use",
  );
  return {
    ...server,
    audiences: [...server.audiences, ...issuer.audiences],
    maxLifetimeSeconds: issuer.maxAssertionLifetimeSeconds ?? server.maxLifetimeSeconds,
  };
}
