import { PGlite } from "@electric-sql/pglite";
import { type GrantAuditEntry, JWT_BEARER_GRANT } from "@jwtgrant/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPgliteStorage } from "../src/pglite-storage.js";

const decision = (jti: string): GrantAuditEntry => ({
  at: new Date("2026-06-01T00:00:00Z"),
  grantType: JWT_BEARER_GRANT,
  clientId: "client",
  issuer: "https://idp.example.com",
  subject: "svc",
  jti,
  actor: null,
  outcome: "granted",
  rule: null,
  reason: null,
});

const countRows = async (client: PGlite) =>
  (await client.query<{ rows: number }>("select count(*)::int as rows from grant_audit")).rows[0]?.rows;

describe("buffered audit log", () => {
  let client: PGlite;

  beforeEach(async () => {
    client = await PGlite.create();
    await (await createPgliteStorage({ client })).migrate();
  });

  afterEach(async () => {
    await client.close();
  });

  it("costs the grant no write of its own: decisions wait in the buffer", async () => {
    const storage = await createPgliteStorage({ client, audit: { flushIntervalMs: 60_000 } });
    storage.auditLog.record(decision("a"));
    expect(await countRows(client)).toBe(0);
    expect(await storage.auditLog.recent(5)).toHaveLength(1);
    expect(await countRows(client)).toBe(1);
    await storage.close();
  });

  it("writes a full batch at once", async () => {
    const storage = await createPgliteStorage({ client, audit: { flushIntervalMs: 60_000, batchSize: 3 } });
    for (const jti of ["a", "b", "c"]) storage.auditLog.record(decision(jti));
    await vi.waitFor(async () => expect(await countRows(client)).toBe(3), { timeout: 5000 });
    await storage.close();
  });

  it("writes what is buffered on close, so nothing is lost at shutdown", async () => {
    const writer = await createPgliteStorage({ client, audit: { flushIntervalMs: 60_000 } });
    writer.auditLog.record(decision("a"));
    writer.auditLog.record(decision("b"));
    await writer.close();
    const reader = await createPgliteStorage({ client });
    expect((await reader.auditLog.recent(10)).map((entry) => entry.jti)).toEqual(["b", "a"]);
    await reader.close();
  });

  it("never throws from record, even when the flush it starts meets a closed database", async () => {
    const gone = await PGlite.create();
    const storage = await createPgliteStorage({
      client: gone,
      audit: { flushIntervalMs: 60_000, batchSize: 1 },
    });
    await storage.migrate();
    await gone.close();
    const query = vi.spyOn(gone, "query");
    const escaped: unknown[] = [];
    const onUnhandled = (reason: unknown) => escaped.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // A full batch: record starts a flush, which fails in the background.
      expect(() => storage.auditLog.record(decision("late"))).not.toThrow();
      await vi.waitFor(() => expect(query).toHaveBeenCalledTimes(1), { timeout: 5000 });
      await expect(query.mock.results[0]?.value).rejects.toThrow("PGlite is closed");
      // Flushes run one after another: once the one `recent` starts is done, the failed one has settled.
      await expect(storage.auditLog.recent(1)).rejects.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(escaped).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("drops a batch the database refuses for its content, so later decisions still reach the trail", async () => {
    const storage = await createPgliteStorage({ client, audit: { flushIntervalMs: 60_000 } });
    storage.auditLog.record(decision("unstorable\u0000"));
    await expect(storage.auditLog.recent(10)).rejects.toThrow();
    storage.auditLog.record(decision("next"));
    expect((await storage.auditLog.recent(10)).map((entry) => entry.jti)).toEqual(["next"]);
    await storage.close();
  });
});
