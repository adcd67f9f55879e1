import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres, { type Sql } from "postgres";
import { createDatabaseStorage, type DatabaseStorage, type StorageOptions } from "./database-storage.js";
import { MIGRATION_LOCK_KEY, MIGRATIONS_FOLDER } from "./migrations-folder.js";
import * as schema from "./schema.js";

export type PostgresStorageOptions = StorageOptions &
  (
    | {
        /** `postgres://user:password@host:port/database` */
        readonly url: string;
        /** Default 10; at least 2, since migrations hold one connection for their lock. */
        readonly maxConnections?: number;
        /** Give up connecting after this long. Default 5. */
        readonly connectTimeoutSeconds?: number;
        /** Cancel any statement running longer. Default 5000. */
        readonly statementTimeoutMs?: number;
      }
    | {
        /**
         * A postgres.js client the caller owns and closes; `max` of at least 2 (migrations need two), and
         * `fetch_types: false` so that a connection cut while it starts cannot crash the process.
         */
        readonly sql: Sql;
      }
  );

/**
 * Storage on a PostgreSQL server through postgres.js. Lost connections are replaced on the next call;
 * until the database answers again, calls fail with `StorageUnavailableError`.
 */
export function createPostgresStorage(options: PostgresStorageOptions): DatabaseStorage {
  const owned = "url" in options;
  const client = owned
    ? postgres(options.url, {
        max: Math.max(2, options.maxConnections ?? 10),
        connect_timeout: options.connectTimeoutSeconds ?? 5,
        connection: { statement_timeout: options.statementTimeoutMs ?? 5000 },
        onnotice: () => {},
        // Type discovery runs as a query nobody awaits: a connection cut during it would reject unhandled
        // and bring the process down. The schema uses built-in types only.
        fetch_types: false,
      })
    : options.sql;
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
  return createDatabaseStorage(
    db,
    {
      withMigrationLock,
      applyMigrations: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        if (owned) await client.end({ timeout: 5 });
      },
    },
    options,
  );
}
