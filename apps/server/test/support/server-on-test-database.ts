import { type RunningServer, SECRETS, startServer, tempDataDir } from "./server-process.js";
import { createTestDatabase, hasPostgres } from "./test-database.js";

export interface ServerOnTestDatabase {
  readonly server: RunningServer;
  /** Stops the server, drops its database, and resolves the server's exit code. */
  stop(): Promise<number | null>;
}

/**
 * The built server on a PostgreSQL database of its own when `TEST_DATABASE_URL` is set (as CI runs), else on
 * embedded PGlite in a fresh data directory.
 */
export async function startServerOnTestDatabase(
  env: Readonly<Record<string, string>>,
): Promise<ServerOnTestDatabase> {
  const dataDir = await tempDataDir();
  if (!hasPostgres) {
    const server = await startServer({ dataDir, env: { ...env } });
    return { server, stop: () => server.stop() };
  }
  const database = await createTestDatabase();
  try {
    const server = await startServer({
      dataDir,
      env: { ...env, DATABASE_URL: database.url, JWTGRANT_SECRETS: SECRETS },
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
