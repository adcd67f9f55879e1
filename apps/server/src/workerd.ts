import process from "node:process";
import { Miniflare } from "miniflare";
import { readEnvironment } from "./config/read-environment.js";
import { bundleWorker, WORKER_COMPATIBILITY } from "./worker/bundle-worker.js";

/** The variables a Worker is given as bindings: those the server reads (the Worker ignores the rest). */
const isServerVariable = (name: string) =>
  name.startsWith("JWTGRANT_") || name === "DATABASE_URL" || name === "LOG_LEVEL";

function listenPort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    process.stderr.write(
      `jwtgrant: invalid configuration: PORT: expected a whole number from 0 to 65535, got "${raw}"\n`,
    );
    process.exit(1);
  }
  return port;
}

/**
 * Serves the Worker locally on workerd through miniflare, as `wrangler dev` would: bundled as for a deploy,
 * its bindings the server's variables of this environment (and `.env`), on HOST:PORT. The issuer defaults to
 * that address, as on Node. SIGTERM or SIGINT stops workerd and exits 0.
 */
async function serveOnWorkerd(): Promise<void> {
  const env = readEnvironment(process.env);
  const port = listenPort(env.PORT);
  const host = env.HOST || "127.0.0.1";
  const bindings: Record<string, string> = { JWTGRANT_ISSUER: `http://${host}:${port}` };
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && isServerVariable(name) && (value !== "" || name !== "JWTGRANT_ISSUER")) {
      bindings[name] = value;
    }
  }
  // Ahead of miniflare's own handlers, which stop workerd on exit but exit 130 or 143. Requests in flight
  // are dropped: miniflare cannot drain them (a deployed Worker is never stopped this way).
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
  const miniflare = new Miniflare({
    modules: [{ type: "ESModule", path: "worker.js", contents: await bundleWorker() }],
    ...WORKER_COMPATIBILITY,
    bindings,
    host,
    port,
  });
  const url = await miniflare.ready;
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "listening", runtime: "workerd", url: url.origin })}\n`,
  );
}

await serveOnWorkerd();
