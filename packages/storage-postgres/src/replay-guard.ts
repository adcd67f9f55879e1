import type { ReplayGuard } from "@jwtgrant/core";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { usedAssertions } from "./schema.js";
import { batchStatement, onDatabase } from "./statement-batcher.js";

interface Claim {
  readonly issuer: string;
  readonly jti: string;
  readonly expiresAt: Date;
}

const pairKey = (claim: { readonly issuer: string; readonly jti: string }) =>
  JSON.stringify([claim.issuer, claim.jti]);

/**
 * One `INSERT … ON CONFLICT DO NOTHING` on the (issuer, jti) primary key for every claim of one event-loop
 * turn: the database decides which of concurrent claims is first, across every instance. Within a batch the
 * first claim of a pair is the one sent; its repeats lose. The rows go in sorted by pair, and
 * `jsonb_to_recordset` yields them in that order. A recorded pair stays until `purgeExpired` removes it.
 */
export function createPgReplayGuard(db: Database, calls: DatabaseCalls): ReplayGuard {
  // Built once, with the rows as one JSON parameter: the statement text never changes with the batch size.
  const insert = db
    .insert(usedAssertions)
    .select(
      sql`select issuer, jti, expires_at from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb)
        as r(issuer text, jti text, expires_at timestamptz)`,
    )
    .onConflictDoNothing()
    .returning({ issuer: usedAssertions.issuer, jti: usedAssertions.jti })
    .prepare("claim_assertions");

  const claimAll = batchStatement<Claim, boolean>(async (claims) => {
    const keys = claims.map(pairKey);
    const firsts = new Map<string, Claim>();
    claims.forEach((claim, index) => {
      const key = keys[index] as string;
      if (!firsts.has(key)) firsts.set(key, claim);
    });
    // Every batch inserts its pairs in one order, so that two batches sharing pairs (a replay sent to two
    // instances at once) wait on each other rather than deadlock.
    const rows = [...firsts.entries()]
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
      .map(([, claim]) => ({
        issuer: claim.issuer,
        jti: claim.jti,
        expires_at: claim.expiresAt.toISOString(),
      }));
    const inserted = new Set((await insert.execute({ rows: JSON.stringify(rows) })).map(pairKey));
    return claims.map((claim, index) => {
      const key = keys[index] as string;
      return inserted.has(key) && firsts.get(key) === claim;
    });
  }, onDatabase(calls));

  // Each batch is one call of `calls`; a claim made a call of its own would hold a connection while its
  // batch waits for another.
  const isClaimed = db
    .select({ issuer: usedAssertions.issuer })
    .from(usedAssertions)
    // As `claim` decides: a recorded pair counts until it is purged (its assertion has expired by then).
    .where(
      and(
        eq(usedAssertions.issuer, sql.placeholder("issuer")),
        eq(usedAssertions.jti, sql.placeholder("jti")),
      ),
    )
    .limit(1)
    .prepare("assertion_is_claimed");
  return {
    claim: (issuer, jti, expiresAt) => claimAll({ issuer, jti, expiresAt }),
    isClaimed: (issuer, jti) => calls.run(async () => (await isClaimed.execute({ issuer, jti })).length > 0),
  };
}
