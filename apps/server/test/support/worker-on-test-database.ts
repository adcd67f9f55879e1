import { createPostgresStorage } from "@jwtgrant/storage-postgres";
import { type ServerOnTestDatabase, startOnNewDatabase } from "./server-on-test-database.js";
import { SECRETS, startServer, tempDataDir } from "./server-process.js";

/** Applies every migration, as `jwtgrant migrate` does before a Worker is deployed. */
export async function migrateDatabase(url: string): Promise<void> {
  const storage = createPostgresStorage({ url });
  try {
    await storage.migrate();
  } finally {
    await storage.close();
  }
}

/** The Worker, served by miniflare (`dist/workerd.js`), on a migrated PostgreSQL database of its own. */
export async function startWorkerOnTestDatabase(
  env: Readonly<Record<string, string>> = {},
): Promise<ServerOnTestDatabase> {
  return startOnNewDatabase(async (url) => {
    await migrateDatabase(url);
    return startServer({
      runtime: "workerd",
      dataDir: await tempDataDir(),
      // A Worker has no data directory, and refuses one.
      env: { JWTGRANT_DATA_DIR: "", DATABASE_URL: url, JWTGRANT_SECRETS: SECRETS, ...env },
    });
  });
}
