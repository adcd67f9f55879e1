import { inArray, lt, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { grantAudit, refreshTokens, revokedAccessTokens, usedAssertions } from "./schema.js";

export interface PurgeOptions {
  /** Rows deleted per statement, so a purge never holds long locks. Default 1000. */
  readonly batchSize?: number;
  /** Audit records older than this are deleted. Default 90 days. */
  readonly auditRetentionDays?: number;
}

export interface PurgeResult {
  readonly usedAssertions: number;
  readonly refreshTokens: number;
  readonly revokedAccessTokens: number;
  readonly auditRecords: number;
}

/** Repeats a bounded DELETE … RETURNING until a batch comes back short; the number of rows deleted. */
async function inBatches(
  calls: DatabaseCalls,
  deleteBatch: () => Promise<readonly unknown[]>,
  batchSize: number,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = (await calls.run(deleteBatch)).length;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

/** Deletes what no longer decides anything: expired assertion ids, refresh tokens, revocations, old audit. */
export async function purgeExpired(
  db: Database,
  calls: DatabaseCalls,
  now: Date,
  options: PurgeOptions = {},
): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 1000;
  const auditBefore = new Date(now.getTime() - (options.auditRetentionDays ?? 90) * 86_400_000);

  const expiredAssertions = db
    .select({ issuer: usedAssertions.issuer, jti: usedAssertions.jti })
    .from(usedAssertions)
    .where(lt(usedAssertions.expiresAt, now))
    .limit(batchSize);
  const expiredRefreshTokens = db
    .select({ tokenHash: refreshTokens.tokenHash })
    .from(refreshTokens)
    .where(lt(refreshTokens.expiresAt, now))
    .limit(batchSize);
  const expiredRevocations = db
    .select({ jti: revokedAccessTokens.jti })
    .from(revokedAccessTokens)
    .where(lt(revokedAccessTokens.expiresAt, now))
    .limit(batchSize);
  const oldAudit = db
    .select({ id: grantAudit.id })
    .from(grantAudit)
    .where(lt(grantAudit.at, auditBefore))
    .limit(batchSize);

  return {
    usedAssertions: await inBatches(
      calls,
      () =>
        db
          .delete(usedAssertions)
          .where(sql`(${usedAssertions.issuer}, ${usedAssertions.jti}) in ${expiredAssertions}`)
          .returning({ jti: usedAssertions.jti }),
      batchSize,
    ),
    refreshTokens: await inBatches(
      calls,
      () =>
        db.delete(refreshTokens).where(inArray(refreshTokens.tokenHash, expiredRefreshTokens)).returning(),
      batchSize,
    ),
    revokedAccessTokens: await inBatches(
      calls,
      () =>
        db
          .delete(revokedAccessTokens)
          .where(inArray(revokedAccessTokens.jti, expiredRevocations))
          .returning(),
      batchSize,
    ),
    auditRecords: await inBatches(
      calls,
      () => db.delete(grantAudit).where(inArray(grantAudit.id, oldAudit)).returning(),
      batchSize,
    ),
  };
}
