import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import type { DatabaseStorage } from "../src/database-storage.js";
import { MIGRATIONS_FOLDER } from "../src/migrations-folder.js";
import { createPgliteStorage } from "../src/pglite-storage.js";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { STORAGE_TABLES } from "../src/testing/storage-tables.js";
import { createTestDatabase, hasPostgres } from "./support/test-databases.js";

const tablesQuery =
  "select table_name from information_schema.tables where table_schema = 'public' order by 1";
const appliedQuery = "select count(*)::int as applied from drizzle.__drizzle_migrations";

/**
 * A copy of the migrations folder listing only those before `tag`, to build a database as it was then:
 * drizzle later applies only what is newer than the last migration applied.
 */
async function migrationsBefore(tag: string): Promise<string> {
  const end = journal.entries.findIndex((entry) => entry.tag === tag);
  if (end < 1) throw new Error(`no migration ${tag} after the first`);
  const folder = await mkdtemp(join(tmpdir(), "jwtgrant-migrations-"));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const entries = journal.entries.slice(0, end);
  await writeFile(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe("migrations on PGlite", () => {
  it("bring a fresh database to the latest schema, and a second run changes nothing", async () => {
    const client = await PGlite.create();
    const storage = await createPgliteStorage({ client });
    await storage.migrate();
    const tables = await client.query<{ table_name: string }>(tablesQuery);
    expect(tables.rows.map((row) => row.table_name)).toEqual(STORAGE_TABLES);
    await storage.migrate();
    const applied = await client.query<{ applied: number }>(appliedQuery);
    expect(applied.rows[0]?.applied).toBe(journal.entries.length);
    await client.close();
  });

  it("let two concurrent runs on one database both succeed", async () => {
    const client = await PGlite.create();
    const [a, b] = [await createPgliteStorage({ client }), await createPgliteStorage({ client })];
    const runs = await Promise.allSettled([a.migrate(), b.migrate()]);
    expect(runs.map((run) => run.status)).toEqual(["fulfilled", "fulfilled"]);
    const tables = await client.query<{ table_name: string }>(tablesQuery);
    expect(tables.rows.map((row) => row.table_name)).toEqual(STORAGE_TABLES);
    expect((await client.query<{ applied: number }>(appliedQuery)).rows[0]?.applied).toBe(
      journal.entries.length,
    );
    await client.close();
  });
});

describe("an upgrade from the first migration", () => {
  it("keeps the refresh tokens issued before it working", async () => {
    const folder = await migrationsBefore("0001_refresh_token_rotation");
    const client = await PGlite.create();
    await migrate(drizzle({ client }), { migrationsFolder: folder });
    await rm(folder, { recursive: true });
    await client.query(
      `insert into refresh_tokens values ('hash-old', 'family', 'client', 'svc', 'https://idp.example.com',
        '{read}', '2026-06-01T00:00:00Z', '2999-01-01T00:00:00Z', 'active')`,
    );

    const storage = await createPgliteStorage({ client });
    await storage.migrate();

    const old = await storage.refreshTokens.findByHash("hash-old");
    expect(old).toMatchObject({ state: "active", scope: ["read"], rotation: null });
    if (old === null) throw new Error("the token issued before the upgrade is gone");
    const now = new Date("2026-06-02T00:00:00Z");
    const next = { ...old, tokenHash: "hash-next", issuedAt: now };
    expect(await storage.refreshTokens.rotate("hash-old", next, now, "sealed")).toBe(true);
    expect((await storage.refreshTokens.findByHash("hash-old"))?.rotation).toStrictEqual({
      rotatedAt: now,
      successorHash: "hash-next",
      sealedSuccessor: "sealed",
    });
    await client.close();
  });
});

describe("an upgrade to trust policies", () => {
  it("reads the issuers, clients and refresh tokens written before it unchanged, with no rules", async () => {
    const folder = await migrationsBefore("0002_trust_policies");
    const client = await PGlite.create();
    await migrate(drizzle({ client }), { migrationsFolder: folder });
    await rm(folder, { recursive: true });
    await client.query(
      `insert into trusted_issuers values ('ti-old', 'https://idp.example.com', null,
        '{"kind":"jwks_uri","jwksUri":"https://idp.example.com/jwks"}', null, '{"kind":"any"}', '{read}', null,
        true, '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')`,
    );
    await client.query(
      `insert into clients values ('client-old', null, 'hash', 'client_secret_basic', '{refresh_token}', '{read}',
        null, '{}', null, null, '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')`,
    );
    await client.query(
      `insert into refresh_tokens (token_hash, family_id, client_id, subject, issuer, scope, issued_at,
        expires_at, state) values ('hash-old', 'family', 'client-old', 'svc', 'https://idp.example.com',
        '{read}', '2026-06-01T00:00:00Z', '2999-01-01T00:00:00Z', 'active')`,
    );

    const storage = await createPgliteStorage({ client });
    await storage.migrate();

    expect(await storage.trustedIssuers.findById("ti-old")).toMatchObject({
      issuer: "https://idp.example.com",
      scope: ["read"],
      audiences: [],
      assertionReuse: "single_use",
      maxAssertionLifetimeSeconds: null,
      rules: null,
    });
    expect((await storage.clients.findById("client-old"))?.trustedIssuers).toBe(null);
    expect(await storage.refreshTokens.findByHash("hash-old")).toMatchObject({
      subject: "svc",
      rule: null,
      tokenSubject: "svc",
      claims: {},
      rotation: null,
    });
    await client.close();
  });
});

describe("an upgrade to resource indicators", () => {
  // Rows as the schema before it had them: every column it had that has no default.
  const oldRows = [
    `insert into clients (client_id, secret_hash, auth_method, grant_types, scope, redirect_uris, created_at,
      updated_at) values ('client-old', 'hash', 'client_secret_basic', '{refresh_token}', '{read}', '{}',
      '2026-06-01T00:00:00Z', '2026-06-01T00:00:00Z')`,
    `insert into refresh_tokens (token_hash, family_id, client_id, subject, issuer, scope, issued_at,
      expires_at, state) values ('hash-old', 'family', 'client-old', 'svc', 'https://idp.example.com',
      '{read}', '2026-06-01T00:00:00Z', '2999-01-01T00:00:00Z', 'active')`,
  ];

  async function expectNoResources(storage: DatabaseStorage): Promise<void> {
    expect(await storage.clients.findById("client-old")).toMatchObject({
      clientId: "client-old",
      scope: ["read"],
      resources: [],
    });
    expect(await storage.refreshTokens.findByHash("hash-old")).toMatchObject({
      familyId: "family",
      state: "active",
      resources: [],
    });
  }

  it("reads a client and a refresh token written before it with no resources, on PGlite", async () => {
    const folder = await migrationsBefore("0004_resource_indicators_and_token_exchange");
    const client = await PGlite.create();
    await migrate(drizzle({ client }), { migrationsFolder: folder });
    await rm(folder, { recursive: true });
    for (const row of oldRows) await client.exec(row);

    const storage = await createPgliteStorage({ client });
    await storage.migrate();

    await expectNoResources(storage);
    await client.close();
  });

  it.runIf(hasPostgres)(
    "reads a client and a refresh token written before it with no resources, on PostgreSQL",
    async () => {
      const database = await createTestDatabase();
      const folder = await migrationsBefore("0004_resource_indicators_and_token_exchange");
      const sql = postgres(database.url, { onnotice: () => {} });
      await migratePostgres(drizzlePostgres(sql), { migrationsFolder: folder });
      await rm(folder, { recursive: true });
      for (const row of oldRows) await sql.unsafe(row);
      await sql.end();

      const storage = createPostgresStorage({ url: database.url });
      await storage.migrate();

      await expectNoResources(storage);
      await storage.close();
      await database.drop();
    },
  );
});

describe.runIf(hasPostgres)("migrations on PostgreSQL", () => {
  it("bring a fresh database to the latest schema; a second run is a no-op; concurrent runs both succeed", async () => {
    const database = await createTestDatabase();
    const instances = [
      createPostgresStorage({ url: database.url }),
      createPostgresStorage({ url: database.url }),
    ];
    const runs = await Promise.allSettled(instances.map((storage) => storage.migrate()));
    expect(runs.map((run) => run.status)).toEqual(["fulfilled", "fulfilled"]);
    const sql = postgres(database.url, { onnotice: () => {} });
    expect((await sql.unsafe(tablesQuery)).map((row) => row.table_name)).toEqual(STORAGE_TABLES);
    await instances[0]?.migrate();
    expect((await sql.unsafe(appliedQuery))[0]?.applied).toBe(journal.entries.length);
    await sql.end();
    await Promise.all(instances.map((storage) => storage.close()));
    await database.drop();
  });
});
