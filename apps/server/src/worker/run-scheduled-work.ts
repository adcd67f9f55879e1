import type { WorkerServer } from "./compose-worker.js";
import type { WorkerContext } from "./worker-bindings.js";

/**
 * What a long-running server does on its timers, done on a cron trigger instead (a Worker has no timers
 * between requests): purge expired rows, then rotate the signing key if it is due.
 */
export async function runScheduledWork(server: WorkerServer, ctx: WorkerContext): Promise<void> {
  const { config, logger } = server;
  const storage = server.openStorage();
  try {
    const purged = await storage.purgeExpired();
    logger.log("info", "purged expired rows", { ...purged });
    if (config.keyRotationDays === 0) return;
    const rotated = await server.run(storage, () =>
      server.app.engine.signingKeys.rotateIfOlderThan(config.keyRotationDays * 86_400),
    );
    if (rotated !== null) {
      logger.log("info", "rotated the signing key on schedule", {
        kid: rotated.kid,
        days: config.keyRotationDays,
      });
    }
  } finally {
    ctx.waitUntil(storage.close());
  }
}
