import type { SigningKey, SigningKeyStore } from "@jwtgrant/core";
import { desc, eq } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { signingKeys } from "./schema.js";
import { guardPort, isUniqueViolation } from "./storage-errors.js";

/** Concurrent rotations collide on the one-active-key index; the loser simply rotates again after the winner. */
const MAX_ROTATION_ATTEMPTS = 5;

export function createPgSigningKeyStore(db: Database, calls: DatabaseCalls): SigningKeyStore {
  const findActive = async (): Promise<SigningKey | null> => {
    const [row] = await db.select().from(signingKeys).where(eq(signingKeys.status, "active")).limit(1);
    return row ?? null;
  };

  const rotateOnce = (next: SigningKey, retiredPublishUntil: Date) =>
    db.transaction(async (tx) => {
      await tx
        .update(signingKeys)
        .set({ status: "retired", publishUntil: retiredPublishUntil })
        .where(eq(signingKeys.status, "active"));
      await tx.insert(signingKeys).values({ ...next, status: "active" });
    });

  return guardPort<SigningKeyStore>(calls, {
    findActive,
    list: () => db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid)),
    async activateInitial(candidate) {
      await db
        .insert(signingKeys)
        .values({ ...candidate, status: "active" })
        .onConflictDoNothing();
      const active = await findActive();
      if (active === null) throw new Error("no active signing key after activation");
      return active;
    },
    async rotate(next, retiredPublishUntil) {
      for (let attempt = 1; ; attempt++) {
        try {
          await rotateOnce(next, retiredPublishUntil);
          return;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= MAX_ROTATION_ATTEMPTS) throw error;
        }
      }
    },
  });
}
