import type { AdminKeyStore } from "@jwtgrant/core";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { adminKeys } from "./schema.js";

export function createPgAdminKeyStore(db: Database, calls: DatabaseCalls): AdminKeyStore {
  const byHash = db
    .select()
    .from(adminKeys)
    .where(eq(adminKeys.keyHash, sql.placeholder("keyHash")))
    .limit(1)
    .prepare("admin_key_by_hash");
  return guardPort<AdminKeyStore>(calls, {
    async insert(key) {
      const inserted = await db
        .insert(adminKeys)
        .values(key)
        .onConflictDoNothing()
        .returning({ id: adminKeys.id });
      return inserted.length === 1 ? "inserted" : "duplicate";
    },
    async findByHash(keyHash) {
      const [row] = await byHash.execute({ keyHash });
      return row ?? null;
    },
    async findById(id) {
      const [row] = await db.select().from(adminKeys).where(eq(adminKeys.id, id)).limit(1);
      return row ?? null;
    },
    list: () => db.select().from(adminKeys).orderBy(asc(adminKeys.createdAt), asc(adminKeys.id)),
    async delete(id) {
      const deleted = await db.delete(adminKeys).where(eq(adminKeys.id, id)).returning({ id: adminKeys.id });
      return deleted.length === 1;
    },
  });
}
