import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { createDatabaseStorage, type DatabaseStorage, type StorageOptions } from "./database-storage.js";
import * as schema from "./schema.js";

/** Serialises migrations: every instance takes this advisory lock first (an arbitrary, fixed key). */
export const MIGRATION_LOCK_KEY = 7_523_2025;

/** What the opener of a postgres.js client decides: how calls are bounded, migrations applied, the client closed. */
export interface PostgresClientHooks {
  readonly calls: DatabaseCalls;
  applyMigrations(db: PostgresJsDatabase<typeof schema>): Promise<void>;
  close(): Promise<void>;
}

/**
 * The storage on one postgres.js client, whatever opened it: the Node pool, or a Worker's client of one
 * request (where no file system holds the migrations, hence `applyMigrations` as a hook).
 */
export function createStorageOnPostgresClient(
  client: Sql,
  hooks: PostgresClientHooks,
  options: StorageOptions,
): { readonly storage: DatabaseStorage; readonly db: Database } {
  const db = drizzle(client, { schema });
  // One reserved connection holds the advisory lock while the pool does the work, so two instances starting
  // together migrate (and seal keys) one after the other (the pool needs two connections or more).
  const withMigrationLock = async <T>(work: () => Promise<T>): Promise<T> => {
    // postgres.js 3.4 never resolves a reserve() made before the pool's first query when fetch_types is off.
    await client`select 1`;
    const lockHolder = await client.reserve();
    try {
      await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      try {
        return await work();
      } finally {
        await lockHolder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      }
    } finally {
      lockHolder.release();
    }
  };
  const storage = createDatabaseStorage(
    db,
    {
      calls: hooks.calls,
      withMigrationLock,
      applyMigrations: () => hooks.applyMigrations(db),
      close: () => hooks.close(),
    },
    options,
  );
  return { storage, db };
}
