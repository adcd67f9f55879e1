import {
  createFailedAuthenticationLimiter,
  type Engine,
  type FailedAuthenticationLimits,
  type GrantAuditEntry,
} from "@jwtgrant/core";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createAdminApi } from "./admin/create-admin-api.js";
import { CONSOLE_BASE } from "./console/console-env.js";
import { createConsole } from "./console/create-console.js";
import { authorizationServerMetadata } from "./discovery/authorization-server-metadata.js";
import {
  type DescribedError,
  describeError,
  errorResponse,
  METHOD_NOT_ALLOWED,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
} from "./errors/error-response.js";
import type { ClientAddress } from "./oauth/client-address.js";
import { introspectionEndpoint } from "./oauth/introspection-endpoint.js";
import { limitedClientAuthentication } from "./oauth/limited-client-authentication.js";
import type { ReadBody } from "./oauth/read-body-text.js";
import { revocationEndpoint } from "./oauth/revocation-endpoint.js";
import { tokenEndpoint } from "./oauth/token-endpoint.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { observeRequests } from "./observability/observe-requests.js";
import type { RequestLogger } from "./observability/request-log.js";
import type { ObservedVariables } from "./observability/request-outcome.js";
import { assertServedTokenEndpoint, ROUTES } from "./routes.js";

export interface HttpServices {
  readonly engine: Engine;
  /** Resolves when the server can serve grants (its database answers); rejects otherwise. */
  readonly ready: () => Promise<void>;
  /** The latest `limit` grant decisions, newest first, for the console's overview. Default: none shown. */
  readonly recentDecisions?: (limit: number) => Promise<GrantAuditEntry[]>;
}

export interface HttpAppOptions {
  /** The bearer token of the admin API. */
  readonly adminToken: string;
  /** Receives one record per request. Default: none. */
  readonly logger?: RequestLogger;
  /** Largest accepted request body on the OAuth and admin endpoints. Default 65536. */
  readonly maxBodyBytes?: number;
  /** Default: a fresh registry, exposed at `/metrics`. */
  readonly metrics?: Metrics;
  /** Serve the management console at `/console`. Default true. */
  readonly console?: boolean;
  /**
   * When repeated failed client authentications get 429 at the token, revocation and introspection
   * endpoints. Default: 10 per client_id and 50 per address within 60 s, at most 10000 keys of each.
   */
  readonly failedAuthenticationLimits?: FailedAuthenticationLimits;
  /**
   * The address of the peer that sent a request, for the per-address limit; each runtime adapter knows its
   * own. Default: none, so only the per-client limit applies.
   */
  readonly clientAddress?: ClientAddress;
  /**
   * Reads an OAuth request's body from the runtime's own request object (see `ReadBody`). Default: none;
   * every body is read from the Fetch `Request`.
   */
  readonly readBody?: ReadBody;
}

type Env = { Variables: ObservedVariables };

const OAUTH_POST_PATHS = [ROUTES.token, ROUTES.revocation, ROUTES.introspection] as const;
const GET_PATHS = [ROUTES.jwks, ROUTES.metadata, ROUTES.healthz, ROUTES.readyz, ROUTES.metrics] as const;

/**
 * The whole HTTP surface as a Hono app: a plain `fetch` handler for Node, Bun, Deno and workers.
 * Wire parsing lives here; every decision is the engine's. The endpoints are served at the paths of
 * `ROUTES`, so the engine's `tokenEndpoint` must be its issuer followed by `ROUTES.token` (the default);
 * any other value throws a `TypeError` here rather than advertise a URL the app does not serve.
 */
export function createHttpApp(services: HttpServices, options: HttpAppOptions): Hono<Env> {
  const { engine } = services;
  assertServedTokenEndpoint(engine.settings);
  const metrics = options.metrics ?? createMetrics();
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const metadata = JSON.stringify(authorizationServerMetadata(engine));
  const app = new Hono<Env>();

  const refuse = (c: Context<Env>, described: DescribedError, headers: Record<string, string> = {}) =>
    errorResponse(c, described, { headers });

  app.use("*", observeRequests(options.logger, metrics));
  app.use("/admin/*", async (c, next) => {
    c.get("outcome").endpoint = "admin";
    await next();
  });
  app.use("/admin/*", bodyLimit({ maxSize: maxBodyBytes, onError: (c) => refuse(c, PAYLOAD_TOO_LARGE) }));

  // The OAuth endpoints read their bodies themselves, within the same limit, to stay on the adapter's fast path.
  const limiter = createFailedAuthenticationLimiter({
    clock: engine.clock,
    ...options.failedAuthenticationLimits,
  });
  const authenticateClient = limitedClientAuthentication(
    engine,
    limiter,
    options.clientAddress ?? (() => undefined),
  );
  const oauth = { engine, maxBodyBytes, authenticateClient, readBody: options.readBody };
  app.post(ROUTES.token, tokenEndpoint(oauth));
  app.post(ROUTES.revocation, revocationEndpoint(oauth));
  app.post(ROUTES.introspection, introspectionEndpoint(oauth));

  app.get(ROUTES.jwks, async (c) => {
    c.get("outcome").endpoint = "jwks";
    return c.json(await engine.publishJwks(), 200, { "cache-control": "public, max-age=60" });
  });
  app.get(ROUTES.metadata, (c) => {
    c.get("outcome").endpoint = "metadata";
    return c.body(metadata, 200, {
      "content-type": "application/json",
      "cache-control": "public, max-age=3600",
    });
  });
  app.get(ROUTES.healthz, (c) => {
    c.get("outcome").endpoint = "healthz";
    return c.json({ status: "ok" });
  });
  app.get(ROUTES.readyz, async (c) => {
    c.get("outcome").endpoint = "readyz";
    try {
      await services.ready();
      return c.json({ status: "ready" });
    } catch {
      return c.json({ status: "unavailable" }, 503);
    }
  });
  app.get(ROUTES.metrics, (c) => {
    c.get("outcome").endpoint = "metrics";
    return c.body(metrics.render(), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });

  app.route("/admin", createAdminApi(engine, { adminToken: options.adminToken }));
  if (options.console !== false) {
    app.use(`${CONSOLE_BASE}/*`, async (c, next) => {
      c.get("outcome").endpoint = "console";
      await next();
    });
    app.use(
      `${CONSOLE_BASE}/*`,
      bodyLimit({ maxSize: maxBodyBytes, onError: (c) => refuse(c, PAYLOAD_TOO_LARGE) }),
    );
    app.route(
      CONSOLE_BASE,
      createConsole(engine, { adminToken: options.adminToken, recentDecisions: services.recentDecisions }),
    );
  }

  for (const path of OAUTH_POST_PATHS) app.all(path, (c) => refuse(c, METHOD_NOT_ALLOWED, { allow: "POST" }));
  for (const path of GET_PATHS) app.all(path, (c) => refuse(c, METHOD_NOT_ALLOWED, { allow: "GET, HEAD" }));

  app.notFound((c) => refuse(c, NOT_FOUND));
  app.onError((error, c) => refuse(c, describeError(error)));
  return app;
}
