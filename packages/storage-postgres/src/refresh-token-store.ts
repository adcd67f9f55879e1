import type { RefreshTokenRecord, RefreshTokenStore } from "@jwtgrant/core";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import { refreshTokens } from "./schema.js";
import { guardPort } from "./storage-errors.js";

const toRow = (record: RefreshTokenRecord) => ({ ...record, scope: [...record.scope] });

export function createPgRefreshTokenStore(db: Database): RefreshTokenStore {
  const byHash = db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("refresh_token_by_hash");
  return guardPort<RefreshTokenStore>({
    async insert(record) {
      await db.insert(refreshTokens).values(toRow(record));
    },
    async findByHash(tokenHash) {
      const [row] = await byHash.execute({ tokenHash });
      return row ?? null;
    },
    // The conditional UPDATE takes the row lock: a concurrent rotation waits, then finds the token no
    // longer active and updates nothing, so exactly one caller inserts a successor.
    rotate: (tokenHash, successor, now) =>
      db.transaction(async (tx) => {
        const spent = await tx
          .update(refreshTokens)
          .set({ state: "rotated" })
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
}
