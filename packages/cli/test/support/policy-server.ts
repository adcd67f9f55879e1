import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { type CliResult, ok, runCli } from "./run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./server-process.js";

/** A running server, a test key and a client, shared by one test file's trust-policy commands. */
export interface PolicyServer {
  readonly server: RunningServer;
  /** The folder holding the test key (`private-key.pem`, `public-jwks.json`). */
  readonly keys: string;
  readonly client: { readonly clientId: string; readonly clientSecret: string };
}

export function json(result: CliResult): Record<string, unknown> {
  return JSON.parse(ok(result)) as Record<string, unknown>;
}

/**
 * Starts a server and makes a key and a client before the file's tests, and stops the server after them.
 * The fields are set once the file's `beforeAll` has run.
 */
export function usePolicyServer(prefix: string) {
  const context = {} as { -readonly [K in keyof PolicyServer]: PolicyServer[K] } & { dataDir: string };

  const admin = (...args: string[]) =>
    runCli([...args, "--url", context.server.url, "--admin-token", ADMIN_TOKEN]);

  beforeAll(async () => {
    context.dataDir = await tempDir(`${prefix}-data`);
    context.keys = await tempDir(`${prefix}-keys`);
    context.server = await startServer(context.dataDir);
    ok(await runCli(["keygen", "--alg", "ES256", "--out", context.keys]));
    const added = json(await admin("clients", "add", "--name", "Workloads", "--json"));
    context.client = { clientId: String(added.client_id), clientSecret: String(added.client_secret) };
  });

  afterAll(async () => {
    expect(await context.server?.stop()).toBe(0);
    await Promise.all(
      [context.dataDir, context.keys].map((dir) => rm(dir, { recursive: true, force: true })),
    );
  });

  const jwks = () => join(context.keys, "public-jwks.json");

  /** An assertion of `iss` for `sub`, signed with the test key, with `claims` as `name=JSON` pairs. */
  async function assertion(iss: string, sub: string, ...claims: string[]): Promise<string> {
    const args = [
      "--key",
      join(context.keys, "private-key.pem"),
      "--iss",
      iss,
      "--sub",
      sub,
      "--aud",
      context.server.tokenEndpoint,
    ];
    return ok(await runCli(["assertion", ...args, ...claims.flatMap((claim) => ["--claim", claim])])).trim();
  }

  const exchange = (jwt: string) =>
    runCli([
      "token",
      "--url",
      context.server.url,
      "--client-id",
      context.client.clientId,
      "--client-secret",
      context.client.clientSecret,
      "--assertion",
      jwt,
      "--json",
    ]);

  return { context: context as PolicyServer, admin, jwks, assertion, exchange };
}
