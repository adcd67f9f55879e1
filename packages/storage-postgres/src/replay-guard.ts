import type { ReplayGuard } from "@jwtgrant/core";
import { sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { usedAssertions } from "./schema.js";
import { guardPort } from "./storage-errors.js";

/**
 * One `INSERT … ON CONFLICT DO NOTHING` on the (issuer, jti) primary key: the database decides which of
 * concurrent claims is first, across every instance. A recorded pair stays until `purgeExpired` removes it.
 */
export function createPgReplayGuard(db: Database): ReplayGuard {
  // Built once: on the token endpoint's hot path, building the SQL costs more than running it.
  const insert = db
    .insert(usedAssertions)
    .values({
      issuer: sql.placeholder("issuer"),
      jti: sql.placeholder("jti"),
      expiresAt: sql.placeholder("expiresAt"),
    })
    .onConflictDoNothing()
    .returning({ jti: usedAssertions.jti })
    .prepare("claim_assertion");
  return guardPort<ReplayGuard>({
    async claim(issuer, jti, expiresAt) {
      return (await insert.execute({ issuer, jti, expiresAt })).length === 1;
    },
  });
}
