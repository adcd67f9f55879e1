import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../src/testing/server-process.js";
import { exchange, JWT_BEARER, partnerAssertion, registerPartner } from "./support/classic-flow.js";
import { type LocalWorker, startLocalWorker } from "./support/local-worker.js";
import {
  createTestDatabase,
  hasPostgres,
  startDatabaseProxy,
  type TestDatabase,
} from "./support/test-database.js";
import { migrateDatabase } from "./support/worker-on-test-database.js";

const journal = JSON.parse(
  readFileSync(
    new URL("../../../packages/storage-postgres/drizzle/meta/_journal.json", import.meta.url),
    "utf8",
  ),
) as { readonly entries: readonly { readonly tag: string }[] };
const ALL_MIGRATIONS = journal.entries.map((entry) => entry.tag);

const UNAVAILABLE = {
  error: "temporarily_unavailable",
  error_description: "the service is temporarily unavailable, retry later",
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function worker(options: Parameters<typeof startLocalWorker>[0]): Promise<LocalWorker> {
  const started = await startLocalWorker(options);
  cleanups.push(() => started.dispose());
  return started;
}

async function database(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  cleanups.push(() => created.drop());
  return created;
}

interface ErrorBody {
  readonly error: string;
  readonly error_description: string;
  readonly missing_migrations?: readonly string[];
}

async function bodyOf(response: Response) {
  const body = (await response.json()) as ErrorBody;
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
}

/** What miniflare's handle on the Worker offers for a cron trigger (its types come from Workers' own). */
interface ScheduledTrigger {
  scheduled(options: { readonly cron: string }): Promise<{ readonly outcome: string }>;
}

const tokenRequest = (url: string) =>
  fetch(`${url}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: JWT_BEARER, assertion: "x" }).toString(),
  });

describe("the Worker missing a binding", () => {
  it("answers every route 503, naming each missing binding, and no stack", async () => {
    const { url } = await worker({ bindings: { JWTGRANT_ADMIN_TOKEN: "", JWTGRANT_SECRETS: "" } });
    const expected = {
      status: 503,
      retryAfter: "5",
      body: {
        error: "temporarily_unavailable",
        error_description:
          "invalid configuration: DATABASE_URL, JWTGRANT_ADMIN_TOKEN, JWTGRANT_SECRETS: required on Workers, as variables or secrets (`wrangler secret put NAME`); DATABASE_URL may come from a Hyperdrive binding named HYPERDRIVE instead",
      },
    };
    expect(await bodyOf(await fetch(`${url}/healthz`))).toEqual(expected);
    expect(await bodyOf(await fetch(`${url}/oauth2/jwks`))).toEqual(expected);
    expect(await bodyOf(await tokenRequest(url))).toEqual(expected);
  });

  it("names the one binding missing, and never the database URL's password", async () => {
    const { url } = await worker({
      bindings: { DATABASE_URL: "postgres://app:hunter2@db.example.com/jwtgrant", JWTGRANT_SECRETS: "" },
    });
    const { body } = await bodyOf(await fetch(`${url}/oauth2/jwks`));
    expect(body.error_description).toMatch(/^invalid configuration: JWTGRANT_SECRETS: required on Workers/);
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });

  it("refuses a setting that names a file, and a bad value, naming the variable", async () => {
    const dbUrl = "postgres://postgres@127.0.0.1:1/none";
    const bootstrap = await worker({
      bindings: { DATABASE_URL: dbUrl, JWTGRANT_BOOTSTRAP_FILE: "trust.yaml" },
    });
    expect((await bodyOf(await fetch(`${bootstrap.url}/oauth2/jwks`))).body.error_description).toBe(
      "invalid configuration: JWTGRANT_BOOTSTRAP_FILE: not available on Workers, which have no file system",
    );
    const level = await worker({ bindings: { DATABASE_URL: dbUrl, LOG_LEVEL: "loud" } });
    expect((await bodyOf(await fetch(`${level.url}/oauth2/jwks`))).body.error_description).toBe(
      'invalid configuration: LOG_LEVEL: expected one of debug, info, warn, error, got "loud"',
    );
  });
});

describe.runIf(hasPostgres)("the Worker on PostgreSQL", () => {
  it("answers 503 naming the migrations the database lacks, and serves once they are applied", async () => {
    const db = await database();
    const { url } = await worker({ bindings: { DATABASE_URL: db.url } });
    const behind = await bodyOf(await fetch(`${url}/oauth2/jwks`));
    expect(behind).toEqual({
      status: 503,
      retryAfter: "5",
      body: {
        error: "temporarily_unavailable",
        error_description: `the database schema is behind this version: run \`jwtgrant migrate\` (missing ${ALL_MIGRATIONS.join(", ")})`,
        missing_migrations: ALL_MIGRATIONS,
      },
    });
    // The Worker never migrates: the schema is still empty.
    const reader = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => reader.end());
    expect((await reader`select to_regclass('public.clients') is null as absent`)[0]?.absent).toBe(true);

    await migrateDatabase(db.url);
    const jwks = await fetch(`${url}/oauth2/jwks`);
    expect(jwks.status).toBe(200);
    // Readied like a server's start: the signing key exists before the first token.
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it("names only the newest migration when the database lacks just that one", async () => {
    const db = await database();
    await migrateDatabase(db.url);
    const writer = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => writer.end());
    await writer`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`;
    const { url } = await worker({ bindings: { DATABASE_URL: db.url } });
    const { status, body } = await bodyOf(await fetch(`${url}/readyz`));
    expect(status).toBe(503);
    expect(body.missing_migrations).toEqual(ALL_MIGRATIONS.slice(-1));
  });

  it("answers temporarily_unavailable when the database cannot be reached, and stays live", async () => {
    const { url } = await worker({
      bindings: { DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/none` },
    });
    expect(await bodyOf(await fetch(`${url}/oauth2/jwks`))).toEqual({
      status: 503,
      retryAfter: "5",
      body: UNAVAILABLE,
    });
    expect(await bodyOf(await tokenRequest(url))).toEqual({
      status: 503,
      retryAfter: "5",
      body: UNAVAILABLE,
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("answers temporarily_unavailable through an outage after it started, and recovers", async () => {
    const db = await database();
    await migrateDatabase(db.url);
    const proxy = await startDatabaseProxy(db.url);
    cleanups.push(() => proxy.close());
    const { url } = await worker({ bindings: { DATABASE_URL: proxy.url } });
    const client = await registerPartner(url);
    expect((await exchange(url, client, await partnerAssertion(url))).access_token).toEqual(
      expect.any(String),
    );

    proxy.setMode("refuse");
    const refused = await fetch(`${url}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
      },
      body: new URLSearchParams({
        grant_type: JWT_BEARER,
        assertion: await partnerAssertion(url),
      }).toString(),
    });
    expect(await bodyOf(refused)).toEqual({ status: 503, retryAfter: "5", body: UNAVAILABLE });
    expect((await fetch(`${url}/readyz`)).status).toBe(503);

    proxy.setMode("pass");
    expect((await exchange(url, client, await partnerAssertion(url))).access_token).toEqual(
      expect.any(String),
    );
  });

  it("reaches the database through a Hyperdrive binding named HYPERDRIVE", async () => {
    const db = await database();
    await migrateDatabase(db.url);
    // Miniflare's Hyperdrive wants a password in the URL; the test server trusts loopback and ignores it.
    const withPassword = new URL(db.url);
    withPassword.password = "unused";
    const { url } = await worker({ hyperdrive: withPassword.toString() });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const client = await registerPartner(url);
    expect((await exchange(url, client, await partnerAssertion(url))).access_token).toEqual(
      expect.any(String),
    );
  });

  it("serves concurrent token requests in one isolate, each assertion once, and writes their audit after the responses", async () => {
    const db = await database();
    await migrateDatabase(db.url);
    const { url } = await worker({ bindings: { DATABASE_URL: db.url } });
    const client = await registerPartner(url);
    const assertions = await Promise.all(Array.from({ length: 12 }, () => partnerAssertion(url)));
    const tokens = await Promise.all(assertions.map((assertion) => exchange(url, client, assertion)));
    expect(new Set(tokens.map((token) => token.access_token)).size).toBe(12);
    const replayed = await fetch(`${url}/oauth2/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${btoa(`${client.clientId}:${client.clientSecret}`)}`,
      },
      body: new URLSearchParams({ grant_type: JWT_BEARER, assertion: assertions[0] ?? "" }).toString(),
    });
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({ error: "invalid_grant" });

    const reader = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => reader.end());
    const audited = async () =>
      (
        await reader`select outcome, count(*)::int as n from grant_audit group by outcome order by outcome`
      ).map((row) => [row.outcome, row.n]);
    // Written by each request's `waitUntil`, after its response: wait for them, within a bound.
    const deadline = Date.now() + 10_000;
    const expected = [
      ["granted", 12],
      ["refused", 1],
    ];
    while (JSON.stringify(await audited()) !== JSON.stringify(expected)) {
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await audited()).toEqual(expected);
  });

  it("purges expired rows on its cron trigger, and keeps the rest", async () => {
    const db = await database();
    await migrateDatabase(db.url);
    const writer = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => writer.end());
    await writer`insert into used_assertions (issuer, jti, expires_at) values
      ('https://partner.example.com', 'expired', now() - interval '1 hour'),
      ('https://partner.example.com', 'current', now() + interval '1 hour')`;
    const { miniflare } = await worker({ bindings: { DATABASE_URL: db.url } });
    const trigger = (await miniflare.getWorker()) as unknown as ScheduledTrigger;
    const result = await trigger.scheduled({ cron: "*/5 * * * *" });
    expect(result.outcome).toBe("ok");
    expect((await writer`select jti from used_assertions`).map((row) => row.jti)).toEqual(["current"]);
  });
});
