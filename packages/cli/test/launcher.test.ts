import { spawnSync } from "node:child_process";
import { statSync, utimesSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const bin = `${root}packages/cli/dist/bin.js`;
const launch = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/jwtgrant.mjs", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });

describe("pnpm jwtgrant (scripts/jwtgrant.mjs)", () => {
  it("runs the built CLI and prints nothing of its own", () => {
    const result = launch("--help");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: jwtgrant /);
  });

  it("rebuilds when a source is newer than the build, silently, and then counts as current", () => {
    const source = `${root}packages/core/src/index.ts`;
    const now = Date.now();
    utimesSync(bin, new Date(now - 120_000), new Date(now - 120_000));
    utimesSync(source, new Date(now - 60_000), new Date(now - 60_000));
    const rebuilt = launch("--help");
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).toBe("");
    expect(statSync(bin).mtimeMs).toBeGreaterThan(statSync(source).mtimeMs);
  });

  it("passes the CLI's exit code and its own error line through", () => {
    const result = launch("no-such-command");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("jwtgrant: unknown command 'no-such-command'\n");
  });
});
