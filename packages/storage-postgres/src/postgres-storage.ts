import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres, { type Sql } from "postgres";
import { createBoundedCalls, type DatabaseCalls } from "./database-calls.js";
import type { DatabaseStorage, StorageOptions } from "./database-storage.js";
import { MIGRATIONS_FOLDER } from "./migrations-folder.js";
import { createStorageOnPostgresClient } from "./postgres-client-storage.js";
import { createSocketWatchdog, type SocketTarget } from "./socket-watchdog.js";

export type PostgresStorageOptions = StorageOptions & {
  /**
   * Every storage call fails with `StorageUnavailableError` once it has waited this long, for a connection
   * and for the answer together. It is the client's own deadline, so it holds when the network is gone and
   * the server cannot cancel anything. Migrations are not bounded. Default 3000.
   */
  readonly callTimeoutMs?: number;
} & (
    | {
        /** `postgres://user:password@host:port/database` */
        readonly url: string;
        /** Default 10; at least 2, since migrations hold one connection for their lock. */
        readonly maxConnections?: number;
        /** Give up opening a connection after this long. Default 3000. */
        readonly connectTimeoutMs?: number;
        /** The server cancels any statement running longer. Default 5000. */
        readonly statementTimeoutMs?: number;
      }
    | {
        /**
         * A postgres.js client the caller owns and closes; `max` of at least 2 (migrations need two), and
         * `fetch_types: false` so that a connection cut while it starts cannot crash the process. Calls are
         * bounded by `callTimeoutMs`, but a connection stuck in a partition is the caller's to drop.
         */
        readonly sql: Sql;
      }
  );

/**
 * postgres.js's own back-off between attempts to connect grows to 20 s, which would keep the pool away long
 * after the database is back: the same growth (from 5 ms, with jitter), up to one second.
 */
const reconnectDelaySeconds = (attempt: number) =>
  (0.5 + Math.random() / 2) * Math.min(3 ** attempt / 100, 1);

type UrlOptions = Extract<PostgresStorageOptions, { readonly url: string }>;

interface Pool {
  readonly client: Sql;
  readonly calls: DatabaseCalls;
  /** Closes what the adapter opened. */
  close(): Promise<void>;
}

function openPool(options: UrlOptions, timeoutMs: number): Pool {
  const max = Math.max(2, options.maxConnections ?? 10);
  const calls = createBoundedCalls({ timeoutMs, maxConcurrent: max });
  const watchdog = createSocketWatchdog({ silenceMs: timeoutMs, stalled: () => calls.overdue > 0 });
  const clientOptions = {
    max,
    connect_timeout: (options.connectTimeoutMs ?? 3000) / 1000,
    connection: { statement_timeout: options.statementTimeoutMs ?? 5000 },
    backoff: reconnectDelaySeconds,
    // Documented by postgres.js, though missing from its types (hence no object literal in the call).
    socket: (target: SocketTarget) => watchdog.open(target),
    onnotice: () => {},
    // Type discovery runs as a query nobody awaits: a connection cut during it would reject unhandled
    // and bring the process down. The schema uses built-in types only.
    fetch_types: false,
  };
  const client = postgres(options.url, clientOptions);
  return {
    client,
    calls,
    async close() {
      watchdog.close();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Storage on a PostgreSQL server through postgres.js. Lost connections are replaced on the next call.
 * Until the database answers again, calls fail with `StorageUnavailableError`, each within `callTimeoutMs`,
 * and the connections a partition has silenced are dropped (see `createSocketWatchdog`).
 */
export function createPostgresStorage(options: PostgresStorageOptions): DatabaseStorage {
  const timeoutMs = options.callTimeoutMs ?? 3000;
  const { client, calls, close } =
    "url" in options
      ? openPool(options, timeoutMs)
      : {
          client: options.sql,
          calls: createBoundedCalls({ timeoutMs, maxConcurrent: options.sql.options.max }),
          close: async () => {},
        };
  return createStorageOnPostgresClient(
    client,
    { calls, applyMigrations: (db) => migrate(db, { migrationsFolder: MIGRATIONS_FOLDER }), close },
    options,
  ).storage;
}
