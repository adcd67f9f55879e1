import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import { MIGRATIONS_FOLDER } from "../src/migrations-folder.js";
import { createPgliteStorage } from "../src/pglite-storage.js";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { STORAGE_TABLES } from "../src/testing/storage-tables.js";
import { createTestDatabase, hasPostgres } from "./support/test-databases.js";

const tablesQuery =
  "select table_name from information_schema.tables where table_schema = 'public' order by 1";
const appliedQuery = "select count(*)::int as applied from drizzle.__drizzle_migrations";

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
    const [initial] = journal.entries;
    const folder = await mkdtemp(join(tmpdir(), "jwtgrant-migrations-"));
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    await writeFile(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries: [initial] }));
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
    const folder = await mkdtemp(join(tmpdir(), "jwtgrant-migrations-"));
    await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
    // The migrations before it, and none after: drizzle applies only what is newer than the last applied.
    const before = journal.entries.slice(
      0,
      journal.entries.findIndex((entry) => entry.tag === "0002_trust_policies"),
    );
    await writeFile(join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries: before }));
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
