import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import { directCalls } from "../src/database-calls.js";
import { findMissingMigrations } from "../src/missing-migrations.js";
import { createPgliteStorage } from "../src/pglite-storage.js";
import * as schema from "../src/schema.js";
import { openWorkersStorage } from "../src/workers/open-workers-storage.js";
import { createTestDatabase, hasPostgres } from "./support/test-databases.js";

const ALL_TAGS = journal.entries.map((entry) => entry.tag);

async function pgliteDatabase() {
  const client = await PGlite.create();
  return { client, db: drizzle(client, { schema }) };
}

describe("the migrations a database lacks", () => {
  it("are every one on a database never migrated", async () => {
    const { client, db } = await pgliteDatabase();
    expect(await findMissingMigrations(db, directCalls)).toEqual(ALL_TAGS);
    await client.close();
  });

  it("are none once migrated", async () => {
    const { client, db } = await pgliteDatabase();
    await (await createPgliteStorage({ client })).migrate();
    expect(await findMissingMigrations(db, directCalls)).toEqual([]);
    await client.close();
  });

  it("are the newest ones the database has not recorded", async () => {
    const { client, db } = await pgliteDatabase();
    await (await createPgliteStorage({ client })).migrate();
    await client.exec(
      "delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)",
    );
    expect(await findMissingMigrations(db, directCalls)).toEqual(ALL_TAGS.slice(-1));
    await client.close();
  });
});

describe.runIf(hasPostgres)("the Workers storage on PostgreSQL", () => {
  it("names the missing migrations, and refuses to migrate", async () => {
    const database = await createTestDatabase();
    const storage = openWorkersStorage({ url: database.url });
    try {
      expect(await storage.missingMigrations()).toEqual(ALL_TAGS);
      await expect(storage.migrate()).rejects.toThrow(/jwtgrant migrate/);
      expect(await storage.missingMigrations()).toEqual(ALL_TAGS);
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
