import type { EngineSettings } from "@jwtgrant/core";

/**
 * Where the app serves each endpoint, relative to the issuer URL: the app mounts these paths and the
 * discovery metadata advertises the issuer followed by them, so the two cannot disagree.
 */
export const ROUTES = {
  token: "/oauth2/token",
  revocation: "/oauth2/revoke",
  introspection: "/oauth2/introspect",
  jwks: "/oauth2/jwks",
  metadata: "/.well-known/oauth-authorization-server",
  healthz: "/healthz",
  readyz: "/readyz",
  metrics: "/metrics",
} as const;

/** The absolute URL of one endpoint, for an engine whose issuer is `issuer`. */
export const endpointUrl = (issuer: string, route: keyof typeof ROUTES): string =>
  `${issuer}${ROUTES[route]}`;

/**
 * Throws a `TypeError` when the engine's `tokenEndpoint` is not where the app serves the token endpoint:
 * the metadata would advertise, and assertions would be addressed to, a URL that this server does not serve.
 */
export function assertServedTokenEndpoint(settings: EngineSettings): void {
  const served = endpointUrl(settings.issuer, "token");
  if (settings.tokenEndpoint !== served) {
    throw new TypeError(
      `the engine's tokenEndpoint (${settings.tokenEndpoint}) must be ${served}, where the app serves the token endpoint`,
    );
  }
}
