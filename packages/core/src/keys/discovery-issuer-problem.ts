import { fetchableUrlProblem } from "./fetchable-url-problem.js";

/**
 * Why the provider metadata of `issuer` may not be fetched, or `null` when it may: the JWKS URI rule (https,
 * or http on a loopback host, no credentials), and no query or fragment, which an OpenID issuer identifier
 * never has and which would swallow the well-known path appended to it.
 */
export function discoveryIssuerProblem(issuer: string): string | null {
  const problem = fetchableUrlProblem(issuer, "issuer");
  if (problem !== null) return problem;
  // Tested on the text: the parsed URL's `search` and `hash` are empty for a bare `?` or `#`.
  return /[?#]/.test(issuer) ? "issuer must not have a query or fragment" : null;
}
