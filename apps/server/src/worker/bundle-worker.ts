import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The Workers runtime the Worker is written for; `wrangler.toml` says the same. */
export const WORKER_COMPATIBILITY = {
  compatibilityDate: "2026-07-01",
  // postgres.js's Workers build imports node:buffer and node:events; the request storage, node:async_hooks.
  compatibilityFlags: ["nodejs_compat"],
};

// Beside this module: the TypeScript source under vitest, the compiled module from dist.
const here = fileURLToPath(import.meta.url);
const entry = fileURLToPath(new URL(`../worker${extname(here)}`, import.meta.url));

/**
 * The Worker as one ES module, as wrangler would bundle it: packages resolved through their `workerd` and
 * `worker` export conditions (postgres.js's Workers build over `cloudflare:sockets`), the runtime's own
 * modules left to it.
 */
export async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    conditions: ["workerd", "worker", "browser"],
    mainFields: ["module", "main"],
    external: ["node:*", "cloudflare:*"],
    logLevel: "silent",
  });
  const [bundle] = result.outputFiles;
  if (bundle === undefined) throw new Error("esbuild wrote no bundle");
  return bundle.text;
}
