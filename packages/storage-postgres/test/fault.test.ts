import { createEngine, JWT_BEARER_GRANT, OAuthError, StorageUnavailableError } from "@jwtgrant/core";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { createTestDatabase, hasPostgres } from "./support/test-databases.js";

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** Waits until a backend of `database` waits on a lock, then terminates it mid-query. */
async function terminateLockWaiters(database: TestDatabase): Promise<void> {
  for (let waited = 0; waited < 100; waited++) {
    const waiting = await database.admin`
      select pid from pg_stat_activity where datname = ${database.name} and wait_event_type = 'Lock'`;
    if (waiting.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await database.admin`
    select pg_terminate_backend(pid) from pg_stat_activity
    where datname = ${database.name} and wait_event_type = 'Lock'`;
}

describe("database faults", () => {
  it("reports an unreachable server as unavailable, not as a crash", async () => {
    const storage = createPostgresStorage({
      url: "postgres://postgres@127.0.0.1:1/none",
      connectTimeoutMs: 2000,
    });
    await expect(storage.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
    const engine = createEngine({ storage }, { issuer: "https://as.example.com" });
    const error = await engine.issuers.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).code).toBe("temporarily_unavailable");
    await storage.close();
  });

  it.runIf(hasPostgres)(
    "turns a terminated connection into temporarily_unavailable, then recovers without a new adapter",
    async () => {
      const database = await createTestDatabase();
      const storage = createPostgresStorage({ url: database.url, maxConnections: 2 });
      await storage.migrate();
      const engine = createEngine({ storage }, { issuer: "https://as.example.com" });
      await engine.issuers.list();

      // Hold a lock so that the adapter's next query is in flight on its backend when that backend is killed.
      const blocker = postgres(database.url, { max: 1, onnotice: () => {} });
      const reserved = await blocker.reserve();
      await reserved`begin`;
      await reserved`lock table trusted_issuers in access exclusive mode`;
      const pending = engine.issuers.list().catch((caught: unknown) => caught);
      await terminateLockWaiters(database);
      const error = await pending;
      expect(error).toBeInstanceOf(OAuthError);
      expect((error as OAuthError).code).toBe("temporarily_unavailable");

      await reserved`rollback`;
      reserved.release();
      await blocker.end();
      await expect(engine.issuers.list()).resolves.toEqual([]);
      await storage.ping();
      await storage.close();
      await database.drop();
    },
  );

  it.runIf(hasPostgres)(
    "keeps audit decisions through a lost connection and writes them once it is back",
    async () => {
      const database = await createTestDatabase();
      const storage = createPostgresStorage({
        url: database.url,
        maxConnections: 2,
        audit: { flushIntervalMs: 60_000 },
      });
      await storage.migrate();
      const blocker = postgres(database.url, { max: 1, onnotice: () => {} });
      const reserved = await blocker.reserve();
      await reserved`begin`;
      await reserved`lock table grant_audit in access exclusive mode`;
      storage.auditLog.record({
        at: new Date(),
        grantType: JWT_BEARER_GRANT,
        clientId: "client",
        issuer: "https://idp.example.com",
        subject: "svc",
        jti: "during-the-outage",
        actor: null,
        outcome: "granted",
        rule: null,
        reason: null,
      });
      const pending = storage.auditLog.recent(10).catch((caught: unknown) => caught);
      await terminateLockWaiters(database);
      expect(await pending).toBeInstanceOf(StorageUnavailableError);
      await reserved`rollback`;
      reserved.release();
      await blocker.end();

      expect((await storage.auditLog.recent(10)).map((entry) => entry.jti)).toEqual(["during-the-outage"]);
      await storage.close();
      await database.drop();
    },
  );
});
