import { describe, expect, it } from "vitest";
import { exchange, partnerAssertion, registerPartner, runClassicFlow } from "./support/classic-flow.js";
import { type RuntimeName, startServer, tempDataDir } from "./support/server-process.js";

describe.each<RuntimeName>(["node", "bun", "deno"])("the server on %s, embedded database", (runtime) => {
  it("serves the classic flow and stops with exit code 0 on SIGTERM", async () => {
    const server = await startServer({ runtime, dataDir: await tempDataDir() });
    try {
      await runClassicFlow(server.url);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).not.toMatch(/"level":"error"/);
  });

  it("answers 413 to a streamed body past the limit, and keeps serving", async () => {
    const server = await startServer({ runtime, dataDir: await tempDataDir() });
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
      expect(await server.stop()).toBe(0);
    }
  });
});
