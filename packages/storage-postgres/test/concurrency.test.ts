import { createEngine, JWT_BEARER_GRANT, OAuthError, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { createFrozenClock, generateTestKey, signTestJws, type TestKey } from "@jwtgrant/core/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseStorage } from "../src/database-storage.js";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { createTestDatabase, hasPostgres, type TestDatabase, testKeyring } from "./support/test-databases.js";

const assertionFrom = (key: TestKey, iss: string, aud: string, jti: string, now: number) =>
  signTestJws(key, { iss, sub: "svc", aud, iat: now, exp: now + 60, jti }, { kid: key.publicJwk.kid });

/** Two storages with pools of their own on one database: what two server instances hold. */
describe.runIf(hasPostgres)("concurrency across two connection pools (PostgreSQL)", () => {
  let database: TestDatabase;
  let first: DatabaseStorage;
  let second: DatabaseStorage;

  beforeAll(async () => {
    database = await createTestDatabase();
    const keyring = await testKeyring();
    first = createPostgresStorage({ url: database.url, maxConnections: 10, keyring });
    second = createPostgresStorage({ url: database.url, maxConnections: 10, keyring });
    await first.migrate();
  });

  afterAll(async () => {
    await first.close();
    await second.close();
    await database.drop();
  });

  it("lets exactly one of 50 concurrent claims of one (issuer, jti) succeed", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const claims = Array.from({ length: 50 }, (_, i) =>
      (i % 2 === 0 ? first : second).replayGuard.claim("https://idp.example.com", "jti-race", expiresAt),
    );
    const results = await Promise.all(claims);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("does not deadlock when two instances claim the same pairs in opposite orders", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    for (let round = 0; round < 5; round++) {
      const jtis = Array.from({ length: 300 }, (_, i) => `jti-${round}-${String(i).padStart(3, "0")}`);
      const claimAll = (storage: DatabaseStorage, order: readonly string[]) =>
        order.map((jti) => storage.replayGuard.claim("https://idp.example.com", jti, expiresAt));
      const outcomes = await Promise.allSettled([
        ...claimAll(first, jtis),
        ...claimAll(second, [...jtis].reverse()),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);
      const won = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value === true);
      expect(won).toHaveLength(jtis.length);
    }
  });

  it("lets exactly one of 20 concurrent refreshes of one token win; the others get invalid_grant", async () => {
    const clock = createFrozenClock(new Date());
    const options = { issuer: "https://as.example.com" };
    const engines = [
      createEngine({ storage: first, clock }, options),
      createEngine({ storage: second, clock }, options),
    ];
    const [a, b] = engines as [(typeof engines)[0], (typeof engines)[0]];
    const key = await generateTestKey("ES256", "k1");
    await a.issuers.create({ issuer: "https://idp.example.com", jwks: { keys: [key.publicJwk] } });
    const { client } = await a.clients.create({ grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT] });
    const assertion = await assertionFrom(
      key,
      "https://idp.example.com",
      options.issuer,
      "j-refresh",
      clock.nowSeconds(),
    );
    const { refreshToken } = await a.exchangeJwtBearer({ client, assertion, scope: undefined });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).refreshTokens({ client, refreshToken, scope: undefined }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(OAuthError);
        expect((result.reason as OAuthError).code).toBe("invalid_grant");
      }
    }
  });

  it("accepts one assertion posted to both instances at once exactly once", async () => {
    const clock = createFrozenClock(new Date());
    const options = { issuer: "https://as2.example.com" };
    const a = createEngine({ storage: first, clock }, options);
    const b = createEngine({ storage: second, clock }, options);
    const key = await generateTestKey("ES256", "k2");
    await a.issuers.create({ issuer: "https://idp2.example.com", jwks: { keys: [key.publicJwk] } });
    const { client } = await a.clients.create({});
    const assertion = await assertionFrom(
      key,
      "https://idp2.example.com",
      options.issuer,
      "j-both",
      clock.nowSeconds(),
    );
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 === 0 ? a : b).exchangeJwtBearer({ client, assertion, scope: undefined }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("keeps exactly one active signing key when both instances start and rotate at once", async () => {
    const engines = [first, second].map((storage) =>
      createEngine({ storage }, { issuer: "https://as3.example.com" }),
    );
    const started = await Promise.all(engines.map((engine) => engine.ensureSigningKey()));
    expect(new Set(started.map((key) => key.kid)).size).toBe(1);
    await Promise.all(engines.map((engine) => engine.signingKeys.rotate()));
    const keys = await first.signingKeys.list();
    expect(keys.filter((key) => key.status === "active")).toHaveLength(1);
  });

  it("uses a pool the caller owns and leaves it open", async () => {
    const sql = postgres(database.url, { max: 2, onnotice: () => {} });
    const borrowed = createPostgresStorage({ sql });
    await borrowed.ping();
    await borrowed.close();
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]);
    await sql.end();
  });
});
