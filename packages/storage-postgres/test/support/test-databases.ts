import { PGlite } from "@electric-sql/pglite";
import postgres, { type Sql } from "postgres";
import { afterAll } from "vitest";
import type { DatabaseStorage } from "../../src/database-storage.js";
import { createPgliteStorage } from "../../src/pglite-storage.js";
import { createPostgresStorage } from "../../src/postgres-storage.js";

const baseUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === "true" && baseUrl === undefined) {
  throw new Error("CI must run the PostgreSQL tests: set TEST_DATABASE_URL");
}

/** Whether the real-PostgreSQL suites run here. Under CI they always do. */
export const hasPostgres = baseUrl !== undefined;

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** A connection to the server's own database, for faults and inspection. */
  readonly admin: Sql;
  drop(): Promise<void>;
}

/** A database of its own for one test file, so parallel runs never collide; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (baseUrl === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const admin = postgres(baseUrl, { max: 2, onnotice: () => {} });
  const name = `jwtgrant_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    admin,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

const TABLES =
  "trusted_issuers, clients, signing_keys, used_assertions, refresh_tokens, revoked_access_tokens, grant_audit";

/** A way to open empty, migrated storage for each test on one shared database. */
export interface StorageFactory {
  open(): Promise<DatabaseStorage>;
}

/** Empty storage per test on one migrated in-memory PGlite (a fresh PGlite per test would cost seconds). */
export function pgliteFactory(): StorageFactory {
  let client: Promise<PGlite> | undefined;
  afterAll(async () => (await client)?.close());
  return {
    async open() {
      client ??= PGlite.create().then(async (created) => {
        await (await createPgliteStorage({ client: created })).migrate();
        return created;
      });
      const ready = await client;
      await ready.exec(`truncate ${TABLES}`);
      return createPgliteStorage({ client: ready });
    },
  };
}

/** Empty storage per test on one migrated PostgreSQL database of this file's own. */
export function postgresFactory(): StorageFactory & { database(): Promise<TestDatabase> } {
  let setup: Promise<{ database: TestDatabase; sql: Sql }> | undefined;
  afterAll(async () => {
    if (setup === undefined) return;
    const { database, sql } = await setup;
    await sql.end();
    await database.drop();
  });
  const ready = () => {
    setup ??= createTestDatabase().then(async (database) => {
      const sql = postgres(database.url, { max: 10, onnotice: () => {} });
      await createPostgresStorage({ sql }).migrate();
      return { database, sql };
    });
    return setup;
  };
  return {
    async open() {
      const { sql } = await ready();
      await sql.unsafe(`truncate ${TABLES}`);
      return createPostgresStorage({ sql });
    },
    database: async () => (await ready()).database,
  };
}
