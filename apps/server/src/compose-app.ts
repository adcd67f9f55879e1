import { createCachedStorage, createEngine, type Engine, type Storage, systemClock } from "@jwtgrant/core";
import { createHttpApp } from "@jwtgrant/http-hono";
import type { DatabaseStorage } from "@jwtgrant/storage-postgres";
import { forwardedClientAddress } from "./client-address.js";
import type { ServerConfig } from "./config/server-config.js";
import type { JsonLogger } from "./json-logger.js";
import { logAdminChanges } from "./log-admin-changes.js";
import type { RuntimeServices } from "./runtime-services.js";

/** What the app needs of the storage: every port, and a readiness probe. */
export type AppStorage = Storage & Pick<DatabaseStorage, "ping">;

export interface ComposedApp {
  /** The engine behind short-lived caches, as the HTTP app uses it. */
  readonly engine: Engine;
  /** An engine on the storage itself, past the caches: for work that must see every other instance's writes. */
  readonly uncachedEngine: Engine;
  /** The app's fetch handler; `env` carries the runtime adapter's bindings (the Node request, on Node). */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}

/**
 * What every runtime serves, Workers included: the storage (its admin changes logged) behind short-lived
 * caches, the engine, and the HTTP app. No I/O happens here, so a Worker composes it once per isolate.
 */
export function composeApp(
  storage: AppStorage,
  config: ServerConfig,
  logger: JsonLogger,
  adminToken: string,
  { crypto, clientAddress, readBody }: RuntimeServices,
): ComposedApp {
  const logged = { ...storage, adminAudit: logAdminChanges(storage.adminAudit, logger) };
  const cached =
    config.cacheMaxAgeSeconds > 0
      ? createCachedStorage(logged, { clock: systemClock, maxAgeMs: config.cacheMaxAgeSeconds * 1000 })
      : logged;
  const settings = {
    issuer: config.issuer,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    refreshTokenReuseGraceSeconds: config.refreshTokenReuseGraceSeconds,
    clockSkewSeconds: config.clockSkewSeconds,
    maxAssertionLifetimeSeconds: config.maxAssertionLifetimeSeconds,
    signingAlgorithm: config.signingAlgorithm,
    jwksStaleMaxAgeSeconds: config.jwksStaleMaxAgeSeconds,
    jwksCooldownSeconds: config.jwksCooldownSeconds,
  };
  const withCrypto = crypto === undefined ? {} : { crypto };
  const engine = createEngine({ storage: cached, ...withCrypto }, settings);
  const app = createHttpApp(
    {
      engine,
      ready: () => storage.ping(config.readyTimeoutMs),
      recentDecisions: (limit) => storage.auditLog.recent(limit),
    },
    {
      adminToken,
      logger: logger.request,
      console: config.console,
      failedAuthenticationLimits: {
        maxFailuresPerClient: config.authFailuresPerClient,
        maxFailuresPerAddress: config.authFailuresPerAddress,
        windowSeconds: config.authFailureWindowSeconds,
      },
      clientAddress:
        config.clientAddressHeader === undefined
          ? clientAddress
          : forwardedClientAddress(config.clientAddressHeader, clientAddress),
      ...(readBody === undefined ? {} : { readBody }),
    },
  );
  return {
    engine,
    uncachedEngine: createEngine({ storage: logged, ...withCrypto }, settings),
    fetch: (request, env) => app.fetch(request, env),
  };
}
