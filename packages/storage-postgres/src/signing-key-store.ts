import type { SigningKey, SigningKeyStore } from "@jwtgrant/core";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { signingKeys } from "./schema.js";
import type { PrivateJwkSealer } from "./sealed-private-jwk.js";
import { isUniqueViolation } from "./storage-errors.js";

/** Concurrent rotations collide on the one-active-key index; the loser simply rotates again after the winner. */
const MAX_ROTATION_ATTEMPTS = 5;

type SigningKeyRow = typeof signingKeys.$inferSelect;

/** Private keys are sealed in the table: opened on the way out, sealed on the way in. */
export function createPgSigningKeyStore(
  db: Database,
  calls: DatabaseCalls,
  sealer: PrivateJwkSealer,
): SigningKeyStore {
  const toKey = async (row: SigningKeyRow): Promise<SigningKey> => ({
    ...row,
    privateJwk: await sealer.open(row.kid, row.privateJwk),
  });

  const toRow = async (key: SigningKey): Promise<SigningKeyRow> => ({
    ...key,
    privateJwk: await sealer.seal(key.kid, key.privateJwk),
  });

  const findActive = async (): Promise<SigningKey | null> => {
    const [row] = await db.select().from(signingKeys).where(eq(signingKeys.status, "active")).limit(1);
    return row === undefined ? null : toKey(row);
  };

  const rotateOnce = (next: SigningKeyRow, retiredPublishUntil: Date) =>
    db.transaction(async (tx) => {
      await tx
        .update(signingKeys)
        .set({ status: "retired", publishUntil: retiredPublishUntil })
        .where(eq(signingKeys.status, "active"));
      await tx.insert(signingKeys).values({ ...next, status: "active" });
    });

  // The retirement names the expected key: a second rotation expecting it finds no active row of that kid.
  const rotateFromOnce = (expectedActiveKid: string, next: SigningKeyRow, retiredPublishUntil: Date) =>
    db.transaction(async (tx) => {
      const retired = await tx
        .update(signingKeys)
        .set({ status: "retired", publishUntil: retiredPublishUntil })
        .where(and(eq(signingKeys.status, "active"), eq(signingKeys.kid, expectedActiveKid)))
        .returning({ kid: signingKeys.kid });
      if (retired.length === 0) return false;
      await tx.insert(signingKeys).values({ ...next, status: "active" });
      return true;
    });

  return guardPort<SigningKeyStore>(calls, {
    findActive,
    async list() {
      const rows = await db
        .select()
        .from(signingKeys)
        .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
      return Promise.all(rows.map(toKey));
    },
    async activateInitial(candidate) {
      await db
        .insert(signingKeys)
        .values({ ...(await toRow(candidate)), status: "active" })
        .onConflictDoNothing();
      const active = await findActive();
      if (active === null) throw new Error("no active signing key after activation");
      return active;
    },
    async rotateFrom(expectedActiveKid, next, retiredPublishUntil) {
      const row = await toRow(next);
      try {
        return await rotateFromOnce(expectedActiveKid, row, retiredPublishUntil);
      } catch (error) {
        // Another rotation made its key active between this one's update and insert: it won.
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async rotate(next, retiredPublishUntil) {
      const row = await toRow(next);
      for (let attempt = 1; ; attempt++) {
        try {
          await rotateOnce(row, retiredPublishUntil);
          return;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= MAX_ROTATION_ATTEMPTS) throw error;
        }
      }
    },
  });
}
