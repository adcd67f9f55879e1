import postgres, { type Sql } from "postgres";

const baseUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === "true" && baseUrl === undefined) {
  throw new Error("CI must run the PostgreSQL tests: set TEST_DATABASE_URL");
}

/** Whether the real-PostgreSQL suites run here. Under CI they always do. */
export const hasPostgres = baseUrl !== undefined;

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** A connection to the server's own database, for faults and inspection. */
  readonly admin: Sql;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** A database URL on the server to create it on. Default: `TEST_DATABASE_URL`. */
  readonly baseUrl?: string | undefined;
  /** How the database's name starts; the process id and a random part follow. Default `jwtgrant_test`. */
  readonly prefix?: string;
  /** Give up connecting to the server after this long. Default: postgres.js's (30 s). */
  readonly connectTimeoutMs?: number;
}

/**
 * A database of its own for one test file (or bench run), so parallel runs never collide; `drop` removes it.
 * Rejects, its connection closed, when the server cannot be reached or refuses.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const base = options.baseUrl ?? baseUrl;
  if (base === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const admin = postgres(base, {
    max: 2,
    onnotice: () => {},
    ...(options.connectTimeoutMs === undefined ? {} : { connect_timeout: options.connectTimeoutMs / 1000 }),
  });
  const name = `${options.prefix ?? "jwtgrant_test"}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    admin,
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
