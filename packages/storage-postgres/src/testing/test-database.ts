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

/** A database of its own for one test file, so parallel runs never collide; dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (baseUrl === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const admin = postgres(baseUrl, { max: 2, onnotice: () => {} });
  const name = `jwtgrant_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(baseUrl);
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
