import { sql } from "drizzle-orm";
import { bigint, pgSchema } from "drizzle-orm/pg-core";
import journal from "../drizzle/meta/_journal.json" with { type: "json" };
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { hasSqlState } from "./storage-errors.js";

/** The table drizzle's migrator keeps: one row per migration applied, `created_at` its journal's `when`. */
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  createdAt: bigint("created_at", { mode: "number" }),
});

const UNDEFINED_TABLE = "42P01";

/**
 * The tags of the migrations this version ships that the database has not applied, oldest first; none when
 * the schema is current. Read-only. As drizzle's migrator decides: a migration is applied when the newest one
 * recorded is at least as recent.
 */
export async function findMissingMigrations(db: Database, calls: DatabaseCalls): Promise<readonly string[]> {
  let newest: number;
  try {
    const [row] = await calls.run(() =>
      db.select({ newest: sql<string | null>`max(${appliedMigrations.createdAt})` }).from(appliedMigrations),
    );
    newest = Number(row?.newest ?? Number.NEGATIVE_INFINITY);
  } catch (error) {
    // Never migrated: drizzle creates its table with the first migration.
    if (!hasSqlState(error, UNDEFINED_TABLE)) throw error;
    newest = Number.NEGATIVE_INFINITY;
  }
  return journal.entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
}
