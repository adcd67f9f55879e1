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
  return startOnNewDatabase((url) =>
    startServer({ dataDir, env: { ...env, DATABASE_URL: url, JWTGRANT_SECRETS: SECRETS } }),
  );
}

/** A server that `start` starts on a new PostgreSQL database (given its URL), which its `stop` drops. */
export async function startOnNewDatabase(
  start: (databaseUrl: string) => Promise<RunningServer>,
): Promise<ServerOnTestDatabase> {
  const database = await createTestDatabase();
  try {
    const server = await start(database.url);
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
