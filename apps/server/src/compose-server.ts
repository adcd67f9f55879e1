import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createCachedStorage, createEngine, type JwsCrypto, systemClock } from "@jwtgrant/core";
import { createHttpApp } from "@jwtgrant/http-hono";
import { createPgliteStorage, createPostgresStorage, type DatabaseStorage } from "@jwtgrant/storage-postgres";
import { type AdminToken, resolveAdminToken } from "./admin-token.js";
import type { ServerConfig } from "./config/server-config.js";
import type { JsonLogger } from "./json-logger.js";

export interface ComposedServer {
  /** The app's fetch handler; `env` carries the runtime adapter's bindings (the Node request, on Node). */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  readonly adminToken: AdminToken;
  /** Stops the periodic purge and closes the database. */
  close(): Promise<void>;
}

async function openStorage(config: ServerConfig): Promise<DatabaseStorage> {
  if (config.databaseUrl !== undefined) {
    return createPostgresStorage({
      url: config.databaseUrl,
      callTimeoutMs: config.databaseTimeoutMs,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
    });
  }
  return createPgliteStorage({ dataDir: join(config.dataDir, "pglite") });
}

/**
 * The one composition every runtime shares: storage (migrated), the engine behind short-lived caches, the
 * signing key, the admin token, the HTTP app, and the periodic purge.
 */
export async function composeServer(
  config: ServerConfig,
  logger: JsonLogger,
  crypto?: JwsCrypto,
): Promise<ComposedServer> {
  await mkdir(config.dataDir, { recursive: true });
  const storage = await openStorage(config);
  try {
    await storage.migrate();
    const cached =
      config.cacheMaxAgeSeconds > 0
        ? createCachedStorage(storage, { clock: systemClock, maxAgeMs: config.cacheMaxAgeSeconds * 1000 })
        : storage;
    const engine = createEngine(
      { storage: cached, ...(crypto === undefined ? {} : { crypto }) },
      {
        issuer: config.issuer,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds,
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
        clockSkewSeconds: config.clockSkewSeconds,
        maxAssertionLifetimeSeconds: config.maxAssertionLifetimeSeconds,
        signingAlgorithm: config.signingAlgorithm,
      },
    );
    await engine.ensureSigningKey();
    const adminToken = await resolveAdminToken(config.adminToken, config.dataDir);
    const app = createHttpApp(
      {
        engine,
        ready: () => storage.ping(config.readyTimeoutMs),
        recentDecisions: (limit) => storage.auditLog.recent(limit),
      },
      { adminToken: adminToken.token, logger: logger.request, console: config.console },
    );

    const purge = setInterval(() => {
      storage.purgeExpired().then(
        (purged) => logger.log("debug", "purged expired rows", { ...purged }),
        (error: unknown) => logger.log("warn", "purge failed", { error: String(error) }),
      );
    }, config.purgeIntervalSeconds * 1000);
    purge.unref?.();

    return {
      fetch: (request, env) => app.fetch(request, env),
      adminToken,
      async close() {
        clearInterval(purge);
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
}
