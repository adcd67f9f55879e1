import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEngine, StorageUnavailableError } from "@jwtgrant/core";
import { afterAll, describe, expect, it } from "vitest";
import { openStorage } from "../src/node/index.js";
import { startDatabaseProxy } from "../src/testing/database-proxy.js";
import { createTestDatabase, hasPostgres, testKeyring } from "./support/test-databases.js";

const ISSUER = "https://as.example.com";

describe("openStorage, without a database URL", () => {
  const made: string[] = [];
  afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("opens the embedded database in the data directory's pglite folder, with the keyring", async () => {
    const parent = await mkdtemp(join(tmpdir(), "jwtgrant-open-storage-"));
    made.push(parent);
    const dataDir = join(parent, "not-yet-there");
    const { storage, where } = await openStorage({ databaseUrl: "", dataDir, keyring: await testKeyring() });
    try {
      expect(where).toBe(`the embedded database in ${join(dataDir, "pglite")}`);
      await storage.migrate();
      // Creating the signing key seals its private key: it fails without the keyring.
      const created = await createEngine({ storage }, { issuer: ISSUER }).ensureSigningKey();
      expect((await storage.signingKeys.findActive())?.kid).toBe(created.kid);
    } finally {
      await storage.close();
    }
    expect(await readdir(dataDir)).toEqual(["pglite"]);
  });
});

describe.skipIf(!hasPostgres)("openStorage, with a database URL", () => {
  it("opens PostgreSQL, names it without the password, and bounds calls by the given timeouts", async () => {
    const database = await createTestDatabase();
    const proxy = await startDatabaseProxy(database.url);
    const url = new URL(proxy.url);
    url.password = "secret-password";
    const { storage, where } = await openStorage({
      databaseUrl: url.toString(),
      dataDir: "/nonexistent-never-created",
      callTimeoutMs: 200,
      connectTimeoutMs: 200,
    });
    try {
      expect(where).toBe(`the PostgreSQL database ${url.host}${url.pathname}`);
      expect(where).not.toContain("secret-password");
      proxy.setMode("blackhole");
      const started = performance.now();
      await expect(storage.clients.findById("nobody")).rejects.toBeInstanceOf(StorageUnavailableError);
      // The default deadline is 3000 ms: settling well before it shows the given one was applied.
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await storage.close();
      await proxy.close();
      await database.drop();
    }
  });
});
