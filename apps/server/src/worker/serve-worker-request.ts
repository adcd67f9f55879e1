import { OAuthError, StorageUnavailableError } from "@jwtgrant/core";
import type { WorkerServer } from "./compose-worker.js";
import { unavailableResponse } from "./unavailable-response.js";
import type { WorkerContext, WorkerEnv } from "./worker-bindings.js";

/** Liveness says the Worker runs, whatever its database: it is the one route answered without one. */
const LIVENESS_PATH = "/healthz";

/**
 * One request: its own database client, closed once the response is out (`waitUntil`), so its audit records
 * are written then too. A schema behind this version answers 503 naming the migrations it lacks, and a
 * database that cannot be reached the same 503 `temporarily_unavailable` as any call the app makes.
 */
export async function serveWorkerRequest(
  server: WorkerServer,
  request: Request,
  env: WorkerEnv,
  ctx: WorkerContext,
): Promise<Response> {
  if (new URL(request.url).pathname === LIVENESS_PATH) return server.app.fetch(request, env);
  const storage = server.openStorage();
  try {
    const missing = (await server.prepare(storage)).missingMigrations;
    if (missing.length > 0) {
      server.logger.log("error", "the database schema is behind", { missing_migrations: missing });
      return unavailableResponse(
        `the database schema is behind this version: run \`jwtgrant migrate\` (missing ${missing.join(", ")})`,
        { missing_migrations: missing },
      );
    }
    return await server.run(storage, () => server.app.fetch(request, env));
  } catch (error) {
    // The app answers its own outages; this is one while readying the isolate (the engine's, as OAuth's).
    const unavailable =
      error instanceof StorageUnavailableError ||
      (error instanceof OAuthError && error.code === "temporarily_unavailable");
    if (!unavailable) throw error;
    server.logger.log("warn", "the database is unavailable", { error: error.message });
    return unavailableResponse("the service is temporarily unavailable, retry later");
  } finally {
    ctx.waitUntil(storage.close());
  }
}
