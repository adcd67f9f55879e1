import postgres, { type Sql } from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exchange,
  JWT_BEARER,
  oauthPost,
  partnerAssertion,
  type RegisteredClient,
  registerPartner,
} from "./support/classic-flow.js";
import { type RunningServer, SECRETS, startServer, tempDataDir } from "./support/server-process.js";
import {
  createTestDatabase,
  type DatabaseProxy,
  hasPostgres,
  type ProxyMode,
  startDatabaseProxy,
  type TestDatabase,
} from "./support/test-database.js";
import { type LoggedRequest, startTraffic } from "./support/traffic.js";

const ISSUER = "http://jwtgrant.outage.test";
/** Every token and admin request answers within this long, outage or not. */
const ANSWER_WITHIN_MS = 5000;
/** `/readyz` says 503 within `ANSWER_WITHIN_MS` of the fault, each time in under this long. */
const READY_WITHIN_MS = 1000;
/** Grants resume within this long of the database's return. */
const RECOVERY_WITHIN_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, limitMs: number): Promise<void> {
  for (const deadline = performance.now() + limitMs; !done() && performance.now() < deadline; ) {
    await sleep(100);
  }
}

interface Outage {
  readonly mode: ProxyMode;
  readonly start: number;
  readonly end: number;
}

/** When the first answer of `kind` with `status` came, counted from `from`, among requests matching `when`. */
function firstAnswer(
  log: readonly LoggedRequest[],
  kind: LoggedRequest["kind"],
  status: number,
  from: number,
  when: (request: LoggedRequest) => boolean,
): number | undefined {
  const ends = log
    .filter((request) => request.kind === kind && request.status === status && when(request))
    .map((request) => request.end - from);
  return ends.length === 0 ? undefined : Math.min(...ends);
}

const recovered = (log: readonly LoggedRequest[], end: number) =>
  (["token", "ready"] as const).every(
    (kind) => firstAnswer(log, kind, 200, end, (request) => request.start >= end) !== undefined,
  );

describe.runIf(hasPostgres)("PostgreSQL refusing or vanishing under a running server", () => {
  let database: TestDatabase;
  /** Straight to the database, past the proxy. */
  let direct: Sql;
  let proxy: DatabaseProxy;
  let server: RunningServer;
  let client: RegisteredClient;
  const post = (assertion: string) =>
    oauthPost(server.url, "/oauth2/token", client, { grant_type: JWT_BEARER, assertion });
  /** The ones of `jtis` the database holds as used. */
  const spentAmong = async (jtis: readonly string[]) =>
    new Set(
      (await direct<{ jti: string }[]>`select jti from used_assertions where jti in ${direct(jtis)}`).map(
        (row) => row.jti,
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    direct = postgres(database.url, { max: 1, onnotice: () => {} });
    proxy = await startDatabaseProxy(database.url);
    server = await startServer({
      dataDir: await tempDataDir(),
      // Issuer, client and signing key stay in memory throughout, so that an exchange's first statement is
      // its claim: the lost-answer test below depends on it.
      env: {
        DATABASE_URL: proxy.url,
        JWTGRANT_SECRETS: SECRETS,
        JWTGRANT_ISSUER: ISSUER,
        JWTGRANT_CACHE_MAX_AGE: "300",
      },
    });
    client = await registerPartner(server.url);
  });

  afterAll(async () => {
    const code = await server?.stop();
    await proxy?.close();
    await direct?.end();
    await database?.drop();
    expect(code).toBe(0);
  });

  it("answers every request within seconds while the database refuses or vanishes, and recovers by itself", async () => {
    const traffic = startTraffic({
      url: server.url,
      issuer: ISSUER,
      client,
      tokenLoops: 6,
      // More admin loops than the pool has connections: some requests wait for one during the outage.
      adminLoops: 12,
      pauseMs: 25,
    });
    const outages: Outage[] = [];
    try {
      await sleep(1000);
      for (const [mode, durationMs] of [
        ["refuse", 8000],
        ["blackhole", 8000],
      ] as const) {
        const start = performance.now();
        proxy.setMode(mode);
        await sleep(durationMs);
        proxy.setMode("pass");
        const end = performance.now();
        outages.push({ mode, start, end });
        await until(() => recovered(traffic.log, end), RECOVERY_WITHIN_MS + 2000);
        // Steady again before the next fault.
        await sleep(1000);
      }
    } finally {
      await traffic.stop();
    }
    const { log } = traffic;
    for (const request of log) {
      expect([200, 503], `${request.kind} at ${Math.round(request.start)}`).toContain(request.status);
      if (request.kind === "ready") continue;
      if (request.status === 503) expect(request.error).toBe("temporarily_unavailable");
      expect(request.end - request.start).toBeLessThan(ANSWER_WITHIN_MS);
    }

    for (const { mode, start, end } of outages) {
      const during = (request: LoggedRequest) => request.end >= start && request.start <= end;
      expect(firstAnswer(log, "token", 503, start, during), mode).toBeLessThan(ANSWER_WITHIN_MS);
      expect(firstAnswer(log, "admin", 503, start, during), mode).toBeLessThan(ANSWER_WITHIN_MS);
      expect(firstAnswer(log, "ready", 503, start, during), mode).toBeLessThan(ANSWER_WITHIN_MS);
      const probes = log.filter((request) => request.kind === "ready" && during(request));
      for (const probe of probes) expect(probe.end - probe.start, mode).toBeLessThan(READY_WITHIN_MS);
      // Once the fault has been noticed, and until the database is back, the instance says it is not ready.
      const settled = probes.filter((probe) => probe.start >= start + ANSWER_WITHIN_MS && probe.end <= end);
      expect(settled.length, mode).toBeGreaterThan(0);
      for (const probe of settled) expect(probe.status, mode).toBe(503);

      const after = (request: LoggedRequest) => request.start >= end;
      expect(firstAnswer(log, "token", 200, end, after), mode).toBeLessThan(RECOVERY_WITHIN_MS);
      expect(firstAnswer(log, "ready", 200, end, after), mode).toBeLessThan(RECOVERY_WITHIN_MS);
    }

    // No assertion granted twice; one refused with 503 is spent exactly when its claim reached the database.
    const tokens = log.filter((request) => request.kind === "token");
    const granted = tokens.filter((request) => request.status === 200).map((request) => request.jti);
    expect(new Set(granted).size).toBe(granted.length);
    const unanswered = tokens.filter((request) => request.status === 503);
    expect(unanswered.length).toBeGreaterThan(0);
    const spent = await spentAmong(unanswered.map((request) => request.jti ?? ""));
    for (const request of unanswered) {
      const retry = await post(request.assertion ?? "");
      const body = (await retry.json()) as { error?: string };
      if (spent.has(request.jti ?? "")) {
        expect(retry.status).toBe(400);
        expect(body.error).toBe("invalid_grant");
      } else {
        expect(retry.status).toBe(200);
      }
    }
  });

  /** Waits, within the recovery bound, until `/readyz` answers 200 again. */
  const readyAgain = async () => {
    let ready = 0;
    for (const deadline = performance.now() + RECOVERY_WITHIN_MS; ready !== 200; await sleep(100)) {
      if (performance.now() > deadline) throw new Error("not ready again after the database came back");
      ready = (await fetch(`${server.url}/readyz`)).status;
    }
  };

  it("keeps an assertion spent when its claim committed but the answer was lost, and never grants it", async () => {
    // One connection in the pool, which has prepared the claim's statement: a connection that has not
    // would wait for the database's answer to the preparation, and never send the insert itself.
    proxy.setMode("refuse");
    await sleep(200);
    proxy.setMode("pass");
    // The pool reconnects after a back-off of its own; this case is about lost answers, not recovery time.
    await readyAgain();
    await exchange(server.url, client, await partnerAssertion(ISSUER));
    // The audit record of that exchange goes out on the same connection, before the answers are lost.
    await sleep(1500);
    const jtis = Array.from({ length: 4 }, () => crypto.randomUUID());
    const assertions = await Promise.all(jtis.map((jti) => partnerAssertion(ISSUER, jti)));

    proxy.setMode("mute");
    const start = performance.now();
    const responses = await Promise.all(assertions.map(post));
    expect(performance.now() - start).toBeLessThan(ANSWER_WITHIN_MS);
    for (const response of responses) {
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    }
    const committed = await spentAmong(jtis);
    expect(committed.size).toBeGreaterThan(0);

    proxy.setMode("pass");
    await readyAgain();
    for (const [index, assertion] of assertions.entries()) {
      const retry = await post(assertion);
      if (committed.has(jtis[index] ?? "")) {
        expect(retry.status).toBe(400);
        expect(await retry.json()).toMatchObject({ error: "invalid_grant" });
      } else {
        expect(retry.status).toBe(200);
      }
    }
  });
});
