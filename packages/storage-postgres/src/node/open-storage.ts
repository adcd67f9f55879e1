import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DatabaseStorage, StorageOptions } from "../database-storage.js";

export { DEFAULT_DATA_DIR } from "../default-data-dir.js";

export interface OpenStorageOptions extends StorageOptions {
  /** A `postgres://` URL. Without one (or empty), the embedded database in `dataDir`. */
  readonly databaseUrl?: string | undefined;
  /** The server's data directory (created if missing); the embedded database lives in its `pglite` folder. */
  readonly dataDir: string;
  /** PostgreSQL only: the deadline of every storage call. Default 3000 (see `createPostgresStorage`). */
  readonly callTimeoutMs?: number | undefined;
  /** PostgreSQL only: give up opening a connection after this long. Default 3000. */
  readonly connectTimeoutMs?: number | undefined;
}

export interface OpenedStorage {
  readonly storage: DatabaseStorage;
  /** How to name the database to a person: host and database only, so the URL's password stays out. */
  readonly where: string;
}

/**
 * Opens the database the server uses: PostgreSQL at `databaseUrl`, else the embedded database in
 * `dataDir`. Each driver is loaded only when chosen (PGlite's WebAssembly costs a noticeable start-up).
 * The caller migrates and closes the storage.
 */
export async function openStorage(options: OpenStorageOptions): Promise<OpenedStorage> {
  const { databaseUrl, dataDir, callTimeoutMs, connectTimeoutMs, ...storageOptions } = options;
  if (databaseUrl) {
    const { createPostgresStorage } = await import("../postgres-storage.js");
    const url = new URL(databaseUrl);
    return {
      storage: createPostgresStorage({
        url: databaseUrl,
        ...storageOptions,
        ...(callTimeoutMs === undefined ? {} : { callTimeoutMs }),
        ...(connectTimeoutMs === undefined ? {} : { connectTimeoutMs }),
      }),
      where: `the PostgreSQL database ${url.host}${url.pathname}`,
    };
  }
  const { createPgliteStorage } = await import("../pglite-storage.js");
  const embedded = join(dataDir, "pglite");
  await mkdir(dataDir, { recursive: true });
  return {
    storage: await createPgliteStorage({ dataDir: embedded, ...storageOptions }),
    where: `the embedded database in ${embedded}`,
  };
}
