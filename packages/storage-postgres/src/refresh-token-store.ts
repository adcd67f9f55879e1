import type { RefreshTokenRecord, RefreshTokenStore, StoredRefreshToken } from "@jwtgrant/core";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { refreshTokens } from "./schema.js";
import { batchStatement, onDatabase } from "./statement-batcher.js";

const toRow = (record: RefreshTokenRecord) => ({
  ...record,
  scope: [...record.scope],
  resources: [...record.resources],
});

function toStored(row: typeof refreshTokens.$inferSelect): StoredRefreshToken {
  const { rotatedAt, successorHash, sealedSuccessor, tokenSubject, claims, ...record } = row;
  const rotation =
    rotatedAt === null || successorHash === null ? null : { rotatedAt, successorHash, sealedSuccessor };
  // A row from before trust rules: its tokens carried the assertion's subject and no mapped claims.
  return { ...record, tokenSubject: tokenSubject ?? record.subject, claims: claims ?? {}, rotation };
}

export function createPgRefreshTokenStore(db: Database, calls: DatabaseCalls): RefreshTokenStore {
  const byHash = db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("refresh_token_by_hash");
  // Every grant issues a refresh token: the inserts of one event-loop turn share one statement, its rows
  // one JSON parameter, so the statement text never changes with the batch size. The select yields every
  // column of the table in order; a new token has no rotation, so the rows carry no such keys and those
  // columns read null.
  const insertRows = db
    .insert(refreshTokens)
    .select(
      sql`select token_hash, family_id, client_id, subject, issuer, scope, issued_at, expires_at, state,
          rotated_at, successor_hash, sealed_successor, rule, token_subject, claims, resources
        from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as r(token_hash text, family_id text,
          client_id text, subject text, issuer text, scope text[], issued_at timestamptz,
          expires_at timestamptz, state text, rotated_at timestamptz, successor_hash text,
          sealed_successor text, rule text, token_subject text, claims json, resources text[])`,
    )
    .prepare("insert_refresh_tokens");
  const insertAll = batchStatement<RefreshTokenRecord, void>(async (records) => {
    const rows = records.map((record) => ({
      token_hash: record.tokenHash,
      family_id: record.familyId,
      client_id: record.clientId,
      subject: record.subject,
      issuer: record.issuer,
      scope: record.scope,
      issued_at: record.issuedAt.toISOString(),
      expires_at: record.expiresAt.toISOString(),
      state: record.state,
      rule: record.rule,
      token_subject: record.tokenSubject,
      claims: record.claims,
      resources: record.resources,
    }));
    await insertRows.execute({ rows: JSON.stringify(rows) });
    return records.map(() => undefined);
  }, onDatabase(calls));
  const guarded = guardPort<Omit<RefreshTokenStore, "insert">>(calls, {
    async findByHash(tokenHash) {
      const [row] = await byHash.execute({ tokenHash });
      return row === undefined ? null : toStored(row);
    },
    // The conditional UPDATE takes the row lock: a concurrent rotation waits, then finds the token no
    // longer active and updates nothing, so exactly one caller inserts a successor. The rotation's record
    // is written by that same UPDATE, so a loser that reads the token afterwards finds the winner's.
    rotate: (tokenHash, successor, now, sealedSuccessor) =>
      db.transaction(async (tx) => {
        const spent = await tx
          .update(refreshTokens)
          .set({ state: "rotated", rotatedAt: now, successorHash: successor.tokenHash, sealedSuccessor })
          .where(
            and(
              eq(refreshTokens.tokenHash, tokenHash),
              eq(refreshTokens.state, "active"),
              gt(refreshTokens.expiresAt, now),
            ),
          )
          .returning({ tokenHash: refreshTokens.tokenHash });
        if (spent.length === 0) return false;
        await tx.insert(refreshTokens).values(toRow(successor));
        return true;
      }),
    async revokeFamily(familyId) {
      await db.update(refreshTokens).set({ state: "revoked" }).where(eq(refreshTokens.familyId, familyId));
    },
  });
  // Each batch of inserts is one call of `calls` already; an insert made a call of its own would hold a
  // connection while its batch waits for another.
  return { ...guarded, insert: (record) => insertAll(record) };
}
