import { fetchableUrlProblem } from "./fetchable-url-problem.js";

/**
 * Why `uri` may not serve as a JWKS URI, or `null` when it may: https anywhere, plain http only on a
 * loopback host, no credentials in the URL.
 */
export function jwksUriProblem(uri: string): string | null {
  return fetchableUrlProblem(uri, "jwks_uri");
}
