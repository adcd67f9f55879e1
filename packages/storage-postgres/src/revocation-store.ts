import type { RevocationStore } from "@jwtgrant/core";
import { eq } from "drizzle-orm";
import type { Database } from "./database.js";
import { revokedAccessTokens } from "./schema.js";
import { guardPort } from "./storage-errors.js";

export function createPgRevocationStore(db: Database): RevocationStore {
  return guardPort<RevocationStore>({
    async revoke(jti, expiresAt) {
      await db.insert(revokedAccessTokens).values({ jti, expiresAt }).onConflictDoNothing();
    },
    async isRevoked(jti) {
      const rows = await db
        .select({ jti: revokedAccessTokens.jti })
        .from(revokedAccessTokens)
        .where(eq(revokedAccessTokens.jti, jti))
        .limit(1);
      return rows.length === 1;
    },
  });
}
