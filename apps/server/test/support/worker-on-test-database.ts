import { createPostgresStorage } from "@jwtgrant/storage-postgres";
import type { ServerOnTestDatabase } from "./server-on-test-database.js";
import { SECRETS, startServer, tempDataDir } from "./server-process.js";
import { createTestDatabase } from "./test-database.js";

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
  const database = await createTestDatabase();
  try {
    await migrateDatabase(database.url);
    const server = await startServer({
      runtime: "workerd",
      dataDir: await tempDataDir(),
      // A Worker has no data directory, and refuses one.
      env: { JWTGRANT_DATA_DIR: "", DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS, ...env },
    });
    return {
      server,
      async stop() {
        const code = await server.stop();
        await database.drop();
        return code;
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
