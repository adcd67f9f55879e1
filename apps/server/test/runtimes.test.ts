import { describe, expect, it } from "vitest";
import { runClassicFlow } from "./support/classic-flow.js";
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
});
