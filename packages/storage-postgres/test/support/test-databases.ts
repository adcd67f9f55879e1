import { PGlite } from "@electric-sql/pglite";
import { createKeyring, type Keyring } from "@jwtgrant/core";
import postgres, { type Sql } from "postgres";
import { afterAll } from "vitest";
import type { DatabaseStorage } from "../../src/database-storage.js";
import { createPgliteStorage } from "../../src/pglite-storage.js";
import { createPostgresStorage } from "../../src/postgres-storage.js";
import { STORAGE_TABLES } from "../../src/testing/storage-tables.js";
import { createTestDatabase, type TestDatabase } from "../../src/testing/test-database.js";

export { createTestDatabase, hasPostgres, type TestDatabase } from "../../src/testing/test-database.js";

const TABLES = STORAGE_TABLES.join(", ");

export const TEST_SECRET = "storage-test-secret-0123456789abcdef";

/** The keyring test storages seal their signing keys with. */
export const testKeyring = (): Promise<Keyring> => createKeyring([TEST_SECRET]);

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
      return createPgliteStorage({ client: ready, keyring: await testKeyring() });
    },
  };
}

/** A migrated database of one test file, and a pool of `maxConnections` on it. */
export interface MigratedDatabase {
  readonly database: TestDatabase;
  readonly sql: Sql;
}

/**
 * Creates and migrates a PostgreSQL database for this test file on first use, and drops it after the file's
 * tests; resolves the same database on every call.
 */
export function migratedTestDatabase(maxConnections: number): () => Promise<MigratedDatabase> {
  let setup: Promise<MigratedDatabase> | undefined;
  afterAll(async () => {
    if (setup === undefined) return;
    const { database, sql } = await setup;
    await sql.end();
    await database.drop();
  });
  return () => {
    setup ??= createTestDatabase().then(async (database) => {
      const sql = postgres(database.url, { max: maxConnections, onnotice: () => {} });
      await createPostgresStorage({ sql }).migrate();
      return { database, sql };
    });
    return setup;
  };
}

/** Empty storage per test on one migrated PostgreSQL database of this file's own. */
export function postgresFactory(): StorageFactory & { database(): Promise<TestDatabase> } {
  const ready = migratedTestDatabase(10);
  return {
    async open() {
      const { sql } = await ready();
      await sql.unsafe(`truncate ${TABLES}`);
      return createPostgresStorage({ sql, keyring: await testKeyring() });
    },
    database: async () => (await ready()).database,
  };
}
