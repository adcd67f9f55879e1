import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { serverCommand, serverDir } from "../src/testing/server-process.js";
import { admin } from "./support/classic-flow.js";
import { nextLogRecord } from "./support/log-records.js";
import { type RunningServer, SECRETS, startServer, tempDataDir } from "./support/server-process.js";
import { createTestDatabase, hasPostgres, type TestDatabase } from "./support/test-database.js";

const SECRET = "f3Jk9LmQ2rT8vWx4Zb6Nc1Pd5Hs7Ge0A";

const DOCUMENT = {
  version: 1,
  issuers: [{ issuer: "https://idp.example.com", jwks_uri: "https://idp.example.com/jwks", scope: "read" }],
  clients: [{ client_id: "orders-app", scope: "read", client_secret_env: "ORDERS_APP_SECRET" }],
};

async function documentFile(document: unknown): Promise<string> {
  const path = join(await tempDataDir(), "trust.yaml");
  await writeFile(path, stringify(document));
  return path;
}

const applied = (server: RunningServer) =>
  nextLogRecord(server, (record) => record.msg === "applied the bootstrap file", 20_000);

async function listed(url: string): Promise<{ issuers: string[]; clients: string[] }> {
  const issuers = (await (await admin(url, "GET", "/issuers")).json()) as { items: { issuer: string }[] };
  const clients = (await (await admin(url, "GET", "/clients")).json()) as { items: { client_id: string }[] };
  return {
    issuers: issuers.items.map((item) => item.issuer),
    clients: clients.items.map((item) => item.client_id),
  };
}

describe("JWTGRANT_BOOTSTRAP_FILE on the embedded database", () => {
  it("seeds a fresh server, and changes nothing on the next start", async () => {
    const dataDir = await tempDataDir();
    const env = {
      JWTGRANT_BOOTSTRAP_FILE: await documentFile(DOCUMENT),
      ORDERS_APP_SECRET: SECRET,
      LOG_LEVEL: "info",
    };
    const first = await startServer({ dataDir, env });
    try {
      expect(await applied(first)).toMatchObject({ changes: 2 });
      expect(await listed(first.url)).toEqual({
        issuers: ["https://idp.example.com"],
        clients: ["orders-app"],
      });
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const again = await startServer({ dataDir, env });
    try {
      expect(await applied(again)).toMatchObject({ changes: 0 });
    } finally {
      expect(await again.stop()).toBe(0);
    }
  });

  it("stops the start with one line naming the document's problem", async () => {
    const path = await documentFile({
      version: 1,
      clients: [{ client_id: "orders-app", client_secret: SECRET }],
    });
    const [command, ...args] = serverCommand("node");
    const result = spawnSync(command ?? "", args, {
      cwd: serverDir,
      env: {
        ...process.env,
        PORT: "0",
        JWTGRANT_DATA_DIR: await tempDataDir(),
        JWTGRANT_BOOTSTRAP_FILE: path,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toBe(
      `jwtgrant: invalid configuration: JWTGRANT_BOOTSTRAP_FILE: ${path}: clients[0].client_secret: a secret is never written in the document: name client_secret_file or client_secret_env`,
    );
  });
});

describe.runIf(hasPostgres)("JWTGRANT_BOOTSTRAP_FILE on one PostgreSQL shared by two instances", () => {
  let database: TestDatabase;
  let servers: RunningServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    for (const server of servers) expect(await server.stop()).toBe(0);
    await database?.drop();
  });

  it("is applied once by instances starting together", async () => {
    const env = {
      DATABASE_URL: database.url,
      JWTGRANT_SECRETS: SECRETS,
      JWTGRANT_BOOTSTRAP_FILE: await documentFile(DOCUMENT),
      ORDERS_APP_SECRET: SECRET,
      LOG_LEVEL: "info",
    };
    servers = await Promise.all([
      startServer({ dataDir: await tempDataDir(), env }),
      startServer({ dataDir: await tempDataDir(), env }),
    ]);
    const records = await Promise.all(servers.map(applied));
    expect(records.map((record) => record.changes).sort()).toEqual([0, 2]);
    for (const server of servers) {
      expect(await listed(server.url)).toEqual({
        issuers: ["https://idp.example.com"],
        clients: ["orders-app"],
      });
    }
  });
});
