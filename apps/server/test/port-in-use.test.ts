import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RuntimeName, serverCommand, serverDir } from "../src/testing/server-process.js";
import { tempDataDir } from "./support/server-process.js";

let taken: Server;
let port: number;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((listening) => taken.listen(0, "127.0.0.1", listening));
  port = (taken.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((closed) => taken.close(() => closed())));

describe.each<RuntimeName>(["node", "bun", "deno"])("a busy port on %s", (runtime) => {
  it("stops the server with one line naming the port, and exit code 1", async () => {
    const [command, ...args] = serverCommand(runtime);
    const result = spawnSync(command ?? "", args, {
      cwd: serverDir,
      env: { ...process.env, PORT: String(port), JWTGRANT_DATA_DIR: await tempDataDir(), LOG_LEVEL: "error" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      `jwtgrant: port ${port} is in use on 127.0.0.1: stop what listens there, or set PORT`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
