import { lt, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
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

/** A table whose rows stop mattering once `stale` holds; `key` identifies a row. */
interface Purgeable {
  readonly table: PgTable;
  readonly key: readonly PgColumn[];
  readonly stale: SQL;
}

/** Repeats a bounded DELETE … RETURNING until a batch comes back short; the number of rows deleted. */
async function inBatches(
  db: Database,
  calls: DatabaseCalls,
  { table, key, stale }: Purgeable,
  batchSize: number,
): Promise<number> {
  const keyTuple = sql.join([...key], sql`, `);
  const deleteBatch = () =>
    db
      .delete(table)
      .where(sql`(${keyTuple}) in (select ${keyTuple} from ${table} where ${stale} limit ${batchSize})`)
      .returning({ deleted: sql<number>`1` });
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
  const purgeables: Record<keyof PurgeResult, Purgeable> = {
    usedAssertions: {
      table: usedAssertions,
      key: [usedAssertions.issuer, usedAssertions.jti],
      stale: lt(usedAssertions.expiresAt, now),
    },
    refreshTokens: {
      table: refreshTokens,
      key: [refreshTokens.tokenHash],
      stale: lt(refreshTokens.expiresAt, now),
    },
    revokedAccessTokens: {
      table: revokedAccessTokens,
      key: [revokedAccessTokens.jti],
      stale: lt(revokedAccessTokens.expiresAt, now),
    },
    auditRecords: { table: grantAudit, key: [grantAudit.id], stale: lt(grantAudit.at, auditBefore) },
  };

  const result = {} as Record<keyof PurgeResult, number>;
  for (const [name, purgeable] of Object.entries(purgeables) as [keyof PurgeResult, Purgeable][]) {
    result[name] = await inBatches(db, calls, purgeable, batchSize);
  }
  return result;
}
