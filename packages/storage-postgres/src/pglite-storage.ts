import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { directCalls } from "./database-calls.js";
import { createDatabaseStorage, type DatabaseStorage, type StorageOptions } from "./database-storage.js";
import { MIGRATIONS_FOLDER } from "./migrations-folder.js";
import * as schema from "./schema.js";

export type PgliteStorageOptions = StorageOptions &
  (
    | {
        /** A directory to keep the database in (created if missing); in memory when absent. */
        readonly dataDir?: string;
      }
    | {
        /** A PGlite instance the caller owns and closes. */
        readonly client: PGlite;
      }
  );

/**
 * PGlite has one session, where an advisory lock would not exclude anything: the migrations and key sealing
 * run on one instance are serialised in-process instead.
 */
const migrationsInProgress = new WeakMap<PGlite, Promise<unknown>>();

/** Storage on embedded PGlite: PostgreSQL in WebAssembly, in this process, no server needed. */
export async function createPgliteStorage(options: PgliteStorageOptions = {}): Promise<DatabaseStorage> {
  const owned = !("client" in options);
  const client =
    "client" in options
      ? options.client
      : await PGlite.create(options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const db = drizzle(client, { schema });
  return createDatabaseStorage(
    db,
    {
      calls: directCalls,
      withMigrationLock(work) {
        const previous = migrationsInProgress.get(client) ?? Promise.resolve();
        const next = previous.catch(() => {}).then(work);
        migrationsInProgress.set(client, next);
        return next;
      },
      applyMigrations: () => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: async () => {
        if (owned) await client.close();
      },
    },
    options,
  );
}
