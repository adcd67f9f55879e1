import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleWorker, WORKER_COMPATIBILITY } from "../src/worker/bundle-worker.js";

const appDir = new URL("../", import.meta.url);

describe("the Worker's bundle", () => {
  it("takes postgres.js's Workers build and leaves out the embedded database", async () => {
    const bundle = await bundleWorker();
    expect(bundle).toContain('import("cloudflare:sockets")');
    expect(bundle).toContain("node_modules/postgres/cf/src/");
    expect(bundle).not.toMatch(/@electric-sql\/pglite\/dist|pglite-storage/);
    // Only the runtime's own modules stay imports; everything else is inside.
    const imports = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(imports).toContain("node:async_hooks");
    expect(imports.filter((name) => !name?.startsWith("node:"))).toEqual([]);
  });
});

describe("wrangler.toml", () => {
  const config = readFileSync(new URL("wrangler.toml", appDir), "utf8");
  const setting = (name: string) => config.match(new RegExp(`^${name} = (.+)$`, "m"))?.[1];

  it("deploys the Worker that is served and tested locally, on the same runtime settings", () => {
    expect(existsSync(new URL(JSON.parse(setting("main") ?? '""'), appDir))).toBe(true);
    expect(JSON.parse(setting("compatibility_date") ?? '""')).toBe(WORKER_COMPATIBILITY.compatibilityDate);
    expect(JSON.parse(setting("compatibility_flags") ?? "[]")).toEqual(
      WORKER_COMPATIBILITY.compatibilityFlags,
    );
    expect(setting("binding")).toBe('"HYPERDRIVE"');
  });
});
