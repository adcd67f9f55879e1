import { StorageUnavailableError } from "@jwtgrant/core";
import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseStorage } from "../src/database-storage.js";
import { createPostgresStorage, type PostgresStorageOptions } from "../src/postgres-storage.js";
import { type DatabaseProxy, startDatabaseProxy } from "../src/testing/database-proxy.js";
import { createTestDatabase, hasPostgres, type TestDatabase } from "./support/test-databases.js";

const CALL_TIMEOUT_MS = 1000;
const ISSUER = "https://idp.example.com";
const EXPIRES = new Date(Date.now() + 3_600_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long `call` took to settle, and how. */
async function timed(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  const error = await call().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return { ms: performance.now() - start, error };
}

/** Retries `call` until it succeeds; how long that took. */
async function untilAnswered(call: () => Promise<unknown>, limitMs: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    const { error } = await timed(call);
    if (error === undefined) return performance.now() - start;
    if (!(error instanceof StorageUnavailableError)) throw error;
    if (performance.now() - start > limitMs) throw new Error(`no answer within ${limitMs} ms`);
    await sleep(50);
  }
}

describe.runIf(hasPostgres)("PostgreSQL behind a failing network", () => {
  let database: TestDatabase;
  let direct: Sql;
  let proxy: DatabaseProxy;
  const opened: DatabaseStorage[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    direct = postgres(database.url, { max: 1, onnotice: () => {} });
    const setup = createPostgresStorage({ url: database.url });
    await setup.migrate();
    await setup.close();
    proxy = await startDatabaseProxy(database.url);
  });

  afterAll(async () => {
    await Promise.all(opened.map((storage) => storage.close()));
    await proxy?.close();
    await direct?.end();
    await database?.drop();
  });

  /** Storage through the proxy, its pool warmed while the network passes. */
  async function open(options: Partial<PostgresStorageOptions> = {}): Promise<DatabaseStorage> {
    proxy.setMode("pass");
    const storage = createPostgresStorage({
      url: proxy.url,
      maxConnections: 2,
      callTimeoutMs: CALL_TIMEOUT_MS,
      ...options,
    });
    opened.push(storage);
    await storage.ping();
    return storage;
  }

  const used = async (jti: string) =>
    (await direct`select 1 from used_assertions where jti = ${jti}`).length === 1;

  it("fails every call within its deadline while the network is silent, then drops the stuck connections and serves again", async () => {
    const storage = await open();
    proxy.setMode("blackhole");
    const outcomes = await Promise.all([
      timed(() => storage.clients.list()),
      timed(() => storage.trustedIssuers.list()),
      timed(() => storage.clients.findById("nobody")),
      timed(() => storage.replayGuard.claim(ISSUER, crypto.randomUUID(), EXPIRES)),
    ]);
    for (const { ms, error } of outcomes) {
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(ms).toBeLessThan(CALL_TIMEOUT_MS + 500);
    }
    // The proxy keeps the connections it silenced silent for good: only fresh ones get through.
    proxy.setMode("pass");
    expect(await untilAnswered(() => storage.clients.list(), 5000)).toBeLessThan(5000);
  });

  it("gives readiness a deadline of its own, shorter than a call's", async () => {
    const storage = await open({ callTimeoutMs: 10_000 });
    proxy.setMode("blackhole");
    const { ms, error } = await timed(() => storage.ping(200));
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect(ms).toBeLessThan(1000);
  });

  it("fails at once, not at the deadline, when the server closes each connection as it opens", async () => {
    const storage = await open({ callTimeoutMs: 10_000 });
    proxy.setMode("refuse");
    for (let attempt = 0; attempt < 3; attempt++) {
      const { ms, error } = await timed(() => storage.clients.list());
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(ms).toBeLessThan(2000);
    }
    proxy.setMode("pass");
    expect(await untilAnswered(() => storage.clients.list(), 5000)).toBeLessThan(5000);
  });

  it("counts as used an assertion whose claim committed though the answer was lost, and only such a one", async () => {
    const storage = await open();
    // The pool's one open connection prepares the claim's statement; a connection that had not would wait
    // for the database's answer to the preparation, and never send the insert.
    await storage.replayGuard.claim(ISSUER, crypto.randomUUID(), EXPIRES);
    // Its answer lost: the claim reached the database, which recorded it.
    proxy.setMode("mute");
    const committed = crypto.randomUUID();
    expect((await timed(() => storage.replayGuard.claim(ISSUER, committed, EXPIRES))).error).toBeInstanceOf(
      StorageUnavailableError,
    );

    proxy.setMode("pass");
    await untilAnswered(() => storage.ping(), 5000);

    // Never sent: a fresh pool's two connections are opening into a partition, and the claims' deadlines
    // pass while they wait for one of them. None may run once the network is back.
    const fresh = createPostgresStorage({
      url: proxy.url,
      maxConnections: 2,
      callTimeoutMs: CALL_TIMEOUT_MS,
      connectTimeoutMs: 60_000,
    });
    opened.push(fresh);
    proxy.setMode("blackhole");
    const stuck = [timed(() => fresh.clients.list()), timed(() => fresh.trustedIssuers.list())];
    const waited: string[] = [];
    const claims: ReturnType<typeof timed>[] = [];
    for (let turn = 0; turn < 8; turn++) {
      // One claim per turn of the event loop, so each is a statement of its own.
      await new Promise((resolve) => setImmediate(resolve));
      const jti = crypto.randomUUID();
      waited.push(jti);
      claims.push(timed(() => fresh.replayGuard.claim(ISSUER, jti, EXPIRES)));
    }
    for (const { error } of await Promise.all([...stuck, ...claims])) {
      expect(error).toBeInstanceOf(StorageUnavailableError);
    }
    await sleep(2 * CALL_TIMEOUT_MS);

    proxy.setMode("pass");
    await untilAnswered(() => fresh.clients.list(), 5000);
    await sleep(500);
    expect(await used(committed)).toBe(true);
    for (const jti of waited) expect(await used(jti)).toBe(false);
    expect(await fresh.replayGuard.claim(ISSUER, committed, EXPIRES)).toBe(false);
    expect(await fresh.replayGuard.claim(ISSUER, waited[0] ?? "", EXPIRES)).toBe(true);
  });
});
