import { ConfigError } from "./config/config-error.js";
import { composeWorker, type WorkerServer } from "./worker/compose-worker.js";
import { runScheduledWork } from "./worker/run-scheduled-work.js";
import { serveWorkerRequest } from "./worker/serve-worker-request.js";
import { unavailableResponse } from "./worker/unavailable-response.js";
import type { ScheduledController, WorkerContext, WorkerEnv } from "./worker/worker-bindings.js";

// One composition per isolate: the bindings do not change within a deployment.
let composed: Promise<WorkerServer> | undefined;

function serverFor(env: WorkerEnv): Promise<WorkerServer> {
  composed ??= composeWorker(env).catch((error: unknown) => {
    // Once per isolate: each request answers it again, as a 503.
    if (error instanceof ConfigError) console.error(`jwtgrant: invalid configuration: ${error.message}`);
    throw error;
  });
  return composed;
}

/** The jwtgrant server as a Cloudflare Worker (workerd), on PostgreSQL. */
export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response> {
    let server: WorkerServer;
    try {
      server = await serverFor(env);
    } catch (error) {
      if (error instanceof ConfigError) return unavailableResponse(`invalid configuration: ${error.message}`);
      throw error;
    }
    try {
      return await serveWorkerRequest(server, request, env, ctx);
    } catch (error) {
      // Never the runtime's error page, which would show the stack.
      server.logger.log("error", "request failed", {
        error: error instanceof Error ? error.message : String(error),
      });
      return Response.json(
        { error: "server_error", error_description: "the server met an unexpected condition" },
        { status: 500, headers: { "cache-control": "no-store" } },
      );
    }
  },

  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: WorkerContext): Promise<void> {
    await runScheduledWork(await serverFor(env), ctx);
  },
};
