import { mkdir } from "node:fs/promises";
import { createKeyring, KeyringError } from "@jwtgrant/core";
import type { DatabaseStorage } from "@jwtgrant/storage-postgres";
import { openStorage } from "@jwtgrant/storage-postgres/node";
import { type AdminToken, resolveAdminToken } from "./admin-token.js";
import { applyBootstrapDocument, readBootstrapDocument } from "./bootstrap/apply-bootstrap-file.js";
import { composeApp } from "./compose-app.js";
import { ConfigError } from "./config/config-error.js";
import type { ServerConfig } from "./config/server-config.js";
import type { JsonLogger } from "./json-logger.js";
import { resolveSecrets, secretsFile } from "./key-encryption-secrets.js";
import { rotateKeysOnSchedule } from "./rotate-keys-on-schedule.js";
import type { RuntimeServices } from "./runtime-services.js";

export interface ComposedServer {
  /** The app's fetch handler; `env` carries the runtime adapter's bindings (the Node request, on Node). */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  readonly adminToken: AdminToken;
  /** The signing keys' secret was made up on this start and written to the data directory. */
  readonly secretsGenerated: boolean;
  /** Stops the periodic purge and closes the database. */
  close(): Promise<void>;
}

export type { RuntimeServices } from "./runtime-services.js";

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
 * The composition of a long-running server (Node, Bun, Deno): the data directory, storage (migrated, its keys
 * sealed), the app every runtime shares, the signing key, the bootstrap file, the admin token, and the
 * periodic purge and key rotation.
 */
export async function composeServer(
  config: ServerConfig,
  logger: JsonLogger,
  services: RuntimeServices,
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
    const adminToken = await resolveAdminToken(config.adminToken, config.dataDir);
    const app = composeApp(storage, config, logger, adminToken.token, services);
    await app.engine.ensureSigningKey();
    if (config.bootstrap !== undefined && bootstrap !== undefined) {
      const { file, env } = config.bootstrap;
      // On the storage itself, not its caches: an instance that waited for the lock must see what the one
      // before it wrote, and so plan nothing.
      const changes = await storage.withMigrationLock(() =>
        applyBootstrapDocument(app.uncachedEngine, file, bootstrap, env),
      );
      logger.log("info", "applied the bootstrap file", { file, changes });
    }

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
        : rotateKeysOnSchedule(app.engine, config.keyRotationDays, logger.log);

    return {
      fetch: app.fetch,
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
