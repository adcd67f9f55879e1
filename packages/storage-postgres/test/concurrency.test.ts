import { createHash } from "node:crypto";
import {
  BOOTSTRAP_ADMIN,
  createEngine,
  JWT_BEARER_GRANT,
  OAuthError,
  REFRESH_TOKEN_GRANT,
} from "@jwtgrant/core";
import { createFrozenClock, generateTestKey, signTestJws, type TestKey } from "@jwtgrant/core/testing";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseStorage } from "../src/database-storage.js";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { createTestDatabase, hasPostgres, type TestDatabase, testKeyring } from "./support/test-databases.js";

const assertionFrom = (key: TestKey, iss: string, aud: string, jti: string, now: number) =>
  signTestJws(key, { iss, sub: "svc", aud, iat: now, exp: now + 60, jti }, { kid: key.publicJwk.kid });

const sha256 = (token: string) => createHash("sha256").update(token).digest("base64url");

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

  /** Two engines, one per instance, with `grace` seconds of refresh-token reuse grace, and a refresh token. */
  async function refreshSetup(name: string, refreshTokenReuseGraceSeconds: number) {
    const clock = createFrozenClock(new Date());
    const options = { issuer: `https://${name}.as.example.com`, refreshTokenReuseGraceSeconds };
    const a = createEngine({ storage: first, clock }, options);
    const b = createEngine({ storage: second, clock }, options);
    const key = await generateTestKey("ES256", "k1");
    const idp = `https://${name}.idp.example.com`;
    await a.issuers.create(BOOTSTRAP_ADMIN, { issuer: idp, jwks: { keys: [key.publicJwk] } });
    const { client } = await a.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    });
    const assertion = await assertionFrom(key, idp, options.issuer, `j-${name}`, clock.nowSeconds());
    const { refreshToken } = await a.exchangeJwtBearer({ client, assertion, scope: undefined });
    if (refreshToken === undefined) throw new Error("no refresh token issued");
    const refreshRaces = (count: number) =>
      Promise.allSettled(
        Array.from({ length: count }, (_, i) =>
          (i % 2 === 0 ? a : b).exchangeRefreshToken({ client, refreshToken, scope: undefined }),
        ),
      );
    const family = async () => {
      const spent = await first.refreshTokens.findByHash(sha256(refreshToken));
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      const rows = await sql<{ tokenHash: string; state: string }[]>`
        select token_hash as "tokenHash", state from refresh_tokens where family_id = ${spent?.familyId ?? ""}`;
      await sql.end();
      return rows.map((row) => ({ ...row }));
    };
    return { refreshToken, refreshRaces, family };
  }

  it("without a grace, lets exactly one of 20 concurrent refreshes of one token win and revokes the family", async () => {
    const { refreshRaces, family } = await refreshSetup("race-strict", 0);

    const results = await refreshRaces(20);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toBeInstanceOf(OAuthError);
        expect((result.reason as OAuthError).code).toBe("invalid_grant");
      }
    }
    const members = await family();
    expect(members).toHaveLength(2);
    expect(members.map((member) => member.state)).toEqual(["revoked", "revoked"]);
  });

  it("with a 5 s grace, answers all of 20 concurrent refreshes of one token with one successor", async () => {
    const { refreshToken, refreshRaces, family } = await refreshSetup("race-grace", 5);

    const results = await refreshRaces(20);

    const responses = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    expect(responses).toHaveLength(20);
    const successors = [...new Set(responses.map((response) => response.refreshToken ?? ""))];
    expect(successors).toHaveLength(1);
    expect(new Set(responses.map((response) => response.accessToken)).size).toBe(20);
    const members = await family();
    expect(members).toHaveLength(2);
    expect(members).toContainEqual({ tokenHash: sha256(refreshToken), state: "rotated" });
    expect(members).toContainEqual({ tokenHash: sha256(successors[0] ?? ""), state: "active" });
  });

  it("accepts one assertion posted to both instances at once exactly once", async () => {
    const clock = createFrozenClock(new Date());
    const options = { issuer: "https://as2.example.com" };
    const a = createEngine({ storage: first, clock }, options);
    const b = createEngine({ storage: second, clock }, options);
    const key = await generateTestKey("ES256", "k2");
    await a.issuers.create(BOOTSTRAP_ADMIN, {
      issuer: "https://idp2.example.com",
      jwks: { keys: [key.publicJwk] },
    });
    const { client } = await a.clients.create(BOOTSTRAP_ADMIN, {});
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
    await Promise.all(engines.map((engine) => engine.signingKeys.rotate(BOOTSTRAP_ADMIN)));
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
