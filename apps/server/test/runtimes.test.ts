import { describe, expect, it } from "vitest";
import {
  exchange,
  oauthPost,
  partnerAssertion,
  registerPartner,
  runClassicFlow,
} from "./support/classic-flow.js";
import type { ServerOnTestDatabase } from "./support/server-on-test-database.js";
import { type RuntimeName, startServer, tempDataDir } from "./support/server-process.js";
import { hasPostgres } from "./support/test-database.js";
import { startWorkerOnTestDatabase } from "./support/worker-on-test-database.js";

type Start = (env?: Readonly<Record<string, string>>) => Promise<ServerOnTestDatabase>;

const onEmbeddedDatabase =
  (runtime: RuntimeName): Start =>
  async (env = {}) => {
    const server = await startServer({ runtime, dataDir: await tempDataDir(), env: { ...env } });
    return { server, stop: () => server.stop() };
  };

/** The end-to-end cases every runtime passes. */
function runtimeCases(start: Start) {
  it("serves the classic flow and stops with exit code 0 on SIGTERM", async () => {
    const { server, stop } = await start();
    try {
      await runClassicFlow(server.url);
    } finally {
      expect(await stop()).toBe(0);
    }
    expect(server.output()).not.toMatch(/"level":"error"/);
  });

  it("answers 413 to a streamed body past the limit, and keeps serving", async () => {
    const { server, stop } = await start();
    try {
      const client = await registerPartner(server.url);
      const chunk = new TextEncoder().encode(`assertion=${"a".repeat(16_383)}`);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1;
          if (sent > 8) controller.close();
          else controller.enqueue(chunk);
        },
      });
      const oversized = await fetch(`${server.url}/oauth2/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
        duplex: "half",
      } as RequestInit);
      expect(oversized.status).toBe(413);
      expect(await oversized.json()).toMatchObject({ error: "invalid_request" });
      const tokens = await exchange(server.url, client, await partnerAssertion(server.url));
      expect(tokens.access_token).toEqual(expect.any(String));
    } finally {
      expect(await stop()).toBe(0);
    }
  });

  it("refuses a client address after repeated failed authentications, whatever X-Forwarded-For says", async () => {
    const { server, stop } = await start({ JWTGRANT_AUTH_FAILURES_PER_ADDRESS: "3" });
    try {
      const client = await registerPartner(server.url);
      for (let i = 0; i < 3; i++) {
        const guess = { clientId: crypto.randomUUID(), clientSecret: "guess" };
        expect((await oauthPost(server.url, "/oauth2/introspect", guess, { token: "x" })).status).toBe(401);
      }
      const refused = await fetch(`${server.url}/oauth2/token`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
          "x-forwarded-for": "198.51.100.23",
        },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          assertion: await partnerAssertion(server.url),
        }).toString(),
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: "temporarily_unavailable" });
    } finally {
      expect(await stop()).toBe(0);
    }
  });
}

describe.each<RuntimeName>(["node", "bun", "deno"])("the server on %s, embedded database", (runtime) => {
  runtimeCases(onEmbeddedDatabase(runtime));
});

// A Worker has no embedded database: PostgreSQL, migrated before the Worker starts, as before a deploy.
describe.runIf(hasPostgres)("the server on workerd (miniflare), PostgreSQL", () => {
  runtimeCases(startWorkerOnTestDatabase);
});
