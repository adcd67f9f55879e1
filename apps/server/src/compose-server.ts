import { mkdir } from "node:fs/promises";
import {
  createCachedStorage,
  createEngine,
  createKeyring,
  type JwsCrypto,
  KeyringError,
  systemClock,
} from "@jwtgrant/core";
import { type ClientAddress, createHttpApp, type ReadBody } from "@jwtgrant/http-hono";
import type { DatabaseStorage } from "@jwtgrant/storage-postgres";
import { openStorage } from "@jwtgrant/storage-postgres/node";
import { type AdminToken, resolveAdminToken } from "./admin-token.js";
import { applyBootstrapDocument, readBootstrapDocument } from "./bootstrap/apply-bootstrap-file.js";
import { forwardedClientAddress } from "./client-address.js";
import { ConfigError } from "./config/config-error.js";
import type { ServerConfig } from "./config/server-config.js";
import type { JsonLogger } from "./json-logger.js";
import { resolveSecrets, secretsFile } from "./key-encryption-secrets.js";
import { logAdminChanges } from "./log-admin-changes.js";
import { rotateKeysOnSchedule } from "./rotate-keys-on-schedule.js";

export interface ComposedServer {
  /** The app's fetch handler; `env` carries the runtime adapter's bindings (the Node request, on Node). */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  readonly adminToken: AdminToken;
  /** The signing keys' secret was made up on this start and written to the data directory. */
  readonly secretsGenerated: boolean;
  /** Stops the periodic purge and closes the database. */
  close(): Promise<void>;
}

/** What the runtime brings to the composition. */
export interface RuntimeServices {
  /** Default: jose on Web Crypto. */
  readonly crypto?: JwsCrypto;
  /** The peer address of a request, from what the runtime passes `fetch` besides the request. */
  readonly clientAddress: ClientAddress;
  /** Reads a request body from the runtime's own request object. Default: from the Fetch `Request`. */
  readonly readBody?: ReadBody;
}

/**
 * Seals keys stored in clear by an older version, and opens every key now: a key the secrets cannot open is
 * a configuration error at start-up, never a silent new key or a failure at the first token.
 */
async function sealSigningKeys(storage: DatabaseStorage, config: ServerConfig, logger: JsonLogger) {
  try {
    const { sealed } = await storage.sealSigningKeys();
    if (sealed > 0) logger.log("info", "sealed signing keys stored in clear", { sealed });
  } catch (error) {
    if (!(error instanceof KeyringError)) throw error;
    const source = config.secrets === undefined ? secretsFile(config.dataDir) : "JWTGRANT_SECRETS";
    throw new ConfigError(`${source}: ${error.message}`);
  }
}

/**
 * The one composition every runtime shares: storage (migrated), the engine behind short-lived caches, the
 * signing key, the admin token, the HTTP app, and the periodic purge.
 */
export async function composeServer(
  config: ServerConfig,
  logger: JsonLogger,
  { crypto, clientAddress, readBody }: RuntimeServices,
): Promise<ComposedServer> {
  // Read and checked before the database is opened: a bad document stops the start having changed nothing.
  const bootstrap =
    config.bootstrap === undefined ? undefined : await readBootstrapDocument(config.bootstrap.file);
  await mkdir(config.dataDir, { recursive: true });
  const secrets = await resolveSecrets(config.secrets, config.dataDir);
  const { storage } = await openStorage({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    keyring: await createKeyring(secrets.secrets),
    callTimeoutMs: config.databaseTimeoutMs,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
  });
  try {
    await storage.migrate();
    await sealSigningKeys(storage, config, logger);
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
    const engine = createEngine({ storage: cached, ...(crypto === undefined ? {} : { crypto }) }, settings);
    await engine.ensureSigningKey();
    if (config.bootstrap !== undefined && bootstrap !== undefined) {
      const { file, env } = config.bootstrap;
      // On the storage itself, not its caches: an instance that waited for the lock must see what the one
      // before it wrote, and so plan nothing.
      const direct = createEngine({ storage: logged, ...(crypto === undefined ? {} : { crypto }) }, settings);
      const changes = await storage.withMigrationLock(() =>
        applyBootstrapDocument(direct, file, bootstrap, env),
      );
      logger.log("info", "applied the bootstrap file", { file, changes });
    }
    const adminToken = await resolveAdminToken(config.adminToken, config.dataDir);
    const app = createHttpApp(
      {
        engine,
        ready: () => storage.ping(config.readyTimeoutMs),
        recentDecisions: (limit) => storage.auditLog.recent(limit),
      },
      {
        adminToken: adminToken.token,
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

    const purge = setInterval(() => {
      storage.purgeExpired().then(
        (purged) => logger.log("debug", "purged expired rows", { ...purged }),
        (error: unknown) => logger.log("warn", "purge failed", { error: String(error) }),
      );
    }, config.purgeIntervalSeconds * 1000);
    purge.unref?.();
    const stopRotations =
      config.keyRotationDays === 0
        ? () => {}
        : rotateKeysOnSchedule(engine, config.keyRotationDays, logger.log);

    return {
      fetch: (request, env) => app.fetch(request, env),
      adminToken,
      secretsGenerated: secrets.generated,
      async close() {
        clearInterval(purge);
        stopRotations();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
}
