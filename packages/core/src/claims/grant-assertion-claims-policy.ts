import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { EngineSettings } from "../engine/settings.js";
import { assertionClaimsPolicy } from "./assertion-claims-policy.js";
import type { ClaimsPolicy } from "./validate-jwt-claims.js";

/**
 * The claim rules of a grant assertion from `issuer`: the server's, widened by the issuer's extra audiences,
 * with its own lifetime limit, and without a required `jti` when its assertions are reused by design. A
 * longer lifetime allowed for the issuer allows an `iat` as old: a reused workload token (a Kubernetes
 * projected token lives up to its `expirationSeconds`) is presented until it is replaced.
 */
export function grantAssertionClaimsPolicy(settings: EngineSettings, issuer: TrustedIssuer): ClaimsPolicy {
  const requireJti = settings.requireJti && issuer.assertionReuse === "single_use";
  const server = assertionClaimsPolicy(settings, requireJti);
  const own = issuer.maxAssertionLifetimeSeconds;
  return {
    ...server,
    audiences: [...server.audiences, ...issuer.audiences],
    maxLifetimeSeconds: own ?? server.maxLifetimeSeconds,
    maxIssuedAtAgeSeconds:
      own === null ? server.maxIssuedAtAgeSeconds : Math.max(server.maxIssuedAtAgeSeconds, own),
  };
}
