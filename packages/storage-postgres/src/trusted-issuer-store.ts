import type { TrustedIssuer, TrustedIssuerStore } from "@jwtgrant/core";
import { asc, eq } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { trustedIssuers } from "./schema.js";
import { isUniqueViolation } from "./storage-errors.js";

type Row = typeof trustedIssuers.$inferSelect;

const toRow = (issuer: TrustedIssuer): Row => ({
  ...issuer,
  algorithms: issuer.algorithms === null ? null : [...issuer.algorithms],
  scope: issuer.scope === null ? null : [...issuer.scope],
  audiences: [...issuer.audiences],
  rules: issuer.rules === null ? null : structuredClone([...issuer.rules]),
});

export function createPgTrustedIssuerStore(db: Database, calls: DatabaseCalls): TrustedIssuerStore {
  const findBy = async (column: typeof trustedIssuers.id | typeof trustedIssuers.issuer, value: string) => {
    const [row] = await db.select().from(trustedIssuers).where(eq(column, value)).limit(1);
    return row ?? null;
  };
  return guardPort<TrustedIssuerStore>(calls, {
    findByIssuer: (issuer) => findBy(trustedIssuers.issuer, issuer),
    findById: (id) => findBy(trustedIssuers.id, id),
    list: () =>
      db.select().from(trustedIssuers).orderBy(asc(trustedIssuers.createdAt), asc(trustedIssuers.id)),
    async insert(issuer) {
      const inserted = await db
        .insert(trustedIssuers)
        .values(toRow(issuer))
        .onConflictDoNothing()
        .returning({ id: trustedIssuers.id });
      return inserted.length === 1 ? "inserted" : "duplicate";
    },
    async update(issuer) {
      const { id, ...changes } = toRow(issuer);
      try {
        const updated = await db
          .update(trustedIssuers)
          .set(changes)
          .where(eq(trustedIssuers.id, id))
          .returning({ id: trustedIssuers.id });
        return updated.length === 1 ? "updated" : "not_found";
      } catch (error) {
        if (isUniqueViolation(error)) return "duplicate";
        throw error;
      }
    },
    async delete(id) {
      const deleted = await db
        .delete(trustedIssuers)
        .where(eq(trustedIssuers.id, id))
        .returning({ id: trustedIssuers.id });
      return deleted.length === 1;
    },
  });
}
