import postgres from "postgres";
import { createBoundedCalls } from "../database-calls.js";
import type { DatabaseStorage, StorageOptions } from "../database-storage.js";
import { findMissingMigrations } from "../missing-migrations.js";
import { createStorageOnPostgresClient } from "../postgres-client-storage.js";

export interface WorkersStorageOptions extends StorageOptions {
  /** `postgres://…`: the database's, or a Hyperdrive binding's `connectionString`. */
  readonly url: string;
  /** Every storage call fails with `StorageUnavailableError` once it has waited this long. Default 3000. */
  readonly callTimeoutMs?: number;
  /** Give up opening a connection after this long. Default 3000. */
  readonly connectTimeoutMs?: number;
  /** The server cancels any statement running longer. Default 5000. */
  readonly statementTimeoutMs?: number;
}

export interface WorkersStorage extends DatabaseStorage {
  /** The migrations this version needs that the database lacks, oldest first (see `findMissingMigrations`). */
  missingMigrations(): Promise<readonly string[]>;
}

/**
 * Connections one request may hold: its batch statements and its audit write. A Worker may open six
 * connections at once per request.
 */
const MAX_CONNECTIONS = 2;

/**
 * Storage for one request of a Worker: a postgres.js client over Workers' TCP sockets (its `workerd` build),
 * which connects on the first call and must be closed before the request's work ends (a Worker's sockets
 * belong to the request that opened them). Migrations are never run from here: they need the SQL files, and
 * `jwtgrant migrate` runs them before a deploy.
 */
export function openWorkersStorage(options: WorkersStorageOptions): WorkersStorage {
  const { url, callTimeoutMs, connectTimeoutMs, statementTimeoutMs, ...storageOptions } = options;
  const client = postgres(url, {
    max: MAX_CONNECTIONS,
    connect_timeout: (connectTimeoutMs ?? 3000) / 1000,
    connection: { statement_timeout: statementTimeoutMs ?? 5000 },
    onnotice: () => {},
    // As on Node: a type query nobody awaits must not outlive a cut connection; the schema has built-in types only.
    fetch_types: false,
  });
  const calls = createBoundedCalls({ timeoutMs: callTimeoutMs ?? 3000, maxConcurrent: MAX_CONNECTIONS });
  const { storage, db } = createStorageOnPostgresClient(
    client,
    {
      calls,
      applyMigrations: () =>
        Promise.reject(
          new Error("migrations are not run from a Worker: run `jwtgrant migrate` before a deploy"),
        ),
      close: () => client.end({ timeout: 5 }),
    },
    storageOptions,
  );
  return { ...storage, missingMigrations: () => findMissingMigrations(db, calls) };
}
