import type { ReplayGuard } from "@jwtgrant/core";
import type { Database } from "./database.js";
import { usedAssertions } from "./schema.js";
import { guardPort } from "./storage-errors.js";

/**
 * One `INSERT … ON CONFLICT DO NOTHING` on the (issuer, jti) primary key: the database decides which of
 * concurrent claims is first, across every instance. A recorded pair stays until `purgeExpired` removes it.
 */
export function createPgReplayGuard(db: Database): ReplayGuard {
  return guardPort<ReplayGuard>({
    async claim(issuer, jti, expiresAt) {
      const inserted = await db
        .insert(usedAssertions)
        .values({ issuer, jti, expiresAt })
        .onConflictDoNothing()
        .returning({ jti: usedAssertions.jti });
      return inserted.length === 1;
    },
  });
}
