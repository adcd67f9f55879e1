import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDataDir } from "./support/server-process.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const CLI = join(ROOT, "packages/cli/dist/bin.js");

/** The `sh` blocks of one README section, in order, their list indentation removed. */
function shellBlocks(readme: string, heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`the README has no section "${heading}"`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^( *)```sh\n([\s\S]*?)^\1```$/gm)].map(([, indent = "", body = ""]) =>
    body
      .split("\n")
      .map((line) => line.slice(indent.length))
      .join("\n"),
  );
}

/**
 * Runs a README section's blocks as one script, as a reader would paste them in the server's directory:
 * `pnpm jwtgrant` is the built CLI, and the documented address is this test's server.
 */
function runSection(blocks: readonly string[], server: RunningServer, cwd: string) {
  const script = blocks
    .join("\n")
    .replaceAll("pnpm jwtgrant", `node ${CLI}`)
    .replaceAll("http://127.0.0.1:8080", server.url);
  // No start-up files: a reader's shell settings are theirs, and some fail under `-u`.
  return spawnSync("bash", ["--noprofile", "--norc", "-euo", "pipefail", "-c", script], {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      BASH_ENV: "",
      JWTGRANT_URL: server.url,
      JWTGRANT_ADMIN_TOKEN: "",
      JWTGRANT_CLIENT_ID: "",
    },
  });
}

describe("the README's flows, run as written against a fresh server", () => {
  let server: RunningServer;
  let readme: string;
  let cwd: string;

  beforeAll(async () => {
    readme = await readFile(join(ROOT, "README.md"), "utf8");
    server = await startServer({ dataDir: await tempDataDir() });
    // The reader's working directory: where `pnpm start` keeps `.jwtgrant/admin-token`.
    cwd = await tempDataDir();
    await mkdir(join(cwd, ".jwtgrant"));
    await writeFile(join(cwd, ".jwtgrant/admin-token"), ADMIN_TOKEN);
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("the classic flow, step by step, with curl, jq and openssl, ends with a token", () => {
    const blocks = shellBlocks(readme, "The classic flow, step by step");
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    const result = runSection(blocks, server, cwd);
    // openssl reports its progress on stderr; nothing else may.
    expect(result.stderr.replace(/^[.+*-]+\n/gm, "")).toBe("");
    expect(result.status).toBe(0);
    // curl prints each response without a line break: the token response is the last of them.
    const tokens = result.stdout.slice(result.stdout.lastIndexOf('{"access_token"'));
    expect(JSON.parse(tokens)).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "orders:read",
      refresh_token: expect.stringMatching(/^jgrt_/),
    });
  });

  it("the CLI flow ends with a refreshed token, under its own issuer name", () => {
    const result = runSection(shellBlocks(readme, "CLI"), server, cwd);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // The decoded access token names the CLI flow's issuer; then the refresh answers a new token.
    expect(result.stdout).toMatch(/assertion_iss +https:\/\/cli-partner\.example\.com\n/);
    expect(result.stdout).toMatch(/access_token/);
  });
});
