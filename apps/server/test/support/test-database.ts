import postgres, { type Sql } from "postgres";

const baseUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI === "true" && baseUrl === undefined) {
  throw new Error("CI must run the PostgreSQL tests: set TEST_DATABASE_URL");
}

/** Whether the multi-instance tests run here. Under CI they always do. */
export const hasPostgres = baseUrl !== undefined;

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly admin: Sql;
  drop(): Promise<void>;
}

/** A database of this test's own on the test server, dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (baseUrl === undefined) throw new Error("TEST_DATABASE_URL is not set");
  const admin = postgres(baseUrl, { max: 2, onnotice: () => {} });
  const name = `jwtgrant_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
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
