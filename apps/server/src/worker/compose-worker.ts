import { createKeyring } from "@jwtgrant/core";
import type { ClientAddress } from "@jwtgrant/http-hono";
import { openWorkersStorage, type WorkersStorage } from "@jwtgrant/storage-postgres/workers";
import { type ComposedApp, composeApp } from "../compose-app.js";
import { createJsonLogger, type JsonLogger } from "../json-logger.js";
import { readWorkerConfig, type WorkerConfig } from "./read-worker-config.js";
import { createRequestStorage, type RequestStorage } from "./request-storage.js";
import type { WorkerEnv } from "./worker-bindings.js";

/** What a Worker's isolate keeps between requests: nothing that does I/O. */
export interface WorkerServer {
  readonly config: WorkerConfig;
  readonly logger: JsonLogger;
  readonly app: ComposedApp;
  /** Runs `work` on the storage of one request or cron run. */
  readonly run: RequestStorage["run"];
  /** Opens the storage of one request or cron run; the caller closes it. */
  openStorage(): WorkersStorage;
  /**
   * Readies the isolate on the request's storage, as a server's start does: the migrations the database lacks,
   * else none and the signing key made sure of. Once ready, the isolate does not ask again.
   */
  prepare(storage: WorkersStorage): Promise<{ readonly missingMigrations: readonly string[] }>;
}

/** Cloudflare sets it on every request it delivers, overwriting what the client sent. */
const connectingAddress: ClientAddress = (request) => request.headers.get("cf-connecting-ip") ?? undefined;

/**
 * The isolate's composition: configuration, keyring, and the app (its caches, limits and metrics held in
 * memory for the isolate's life) on a storage that is each request's own. Throws `ConfigError`.
 */
export async function composeWorker(env: WorkerEnv): Promise<WorkerServer> {
  const config = readWorkerConfig(env);
  const logger = createJsonLogger(config.logLevel, (line) => console.log(line.trimEnd()));
  const keyring = await createKeyring(config.secrets);
  const requestStorage = createRequestStorage();
  const app = composeApp(requestStorage.storage, config, logger, config.adminToken, {
    clientAddress: connectingAddress,
  });
  let prepared = false;
  return {
    config,
    logger,
    app,
    run: requestStorage.run,
    openStorage: () =>
      openWorkersStorage({
        url: config.databaseUrl,
        keyring,
        callTimeoutMs: config.databaseTimeoutMs,
        connectTimeoutMs: config.databaseConnectTimeoutMs,
      }),
    async prepare(storage) {
      if (prepared) return { missingMigrations: [] };
      const missing = await storage.missingMigrations();
      if (missing.length > 0) return { missingMigrations: missing };
      await requestStorage.run(storage, () => app.engine.ensureSigningKey());
      prepared = true;
      return { missingMigrations: [] };
    },
  };
}
