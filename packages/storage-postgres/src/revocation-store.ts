import type { RevocationStore } from "@jwtgrant/core";
import { eq, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { revokedAccessTokens } from "./schema.js";

export function createPgRevocationStore(db: Database, calls: DatabaseCalls): RevocationStore {
  const byJti = db
    .select({ jti: revokedAccessTokens.jti })
    .from(revokedAccessTokens)
    .where(eq(revokedAccessTokens.jti, sql.placeholder("jti")))
    .limit(1)
    .prepare("revoked_access_token");
  return guardPort<RevocationStore>(calls, {
    async revoke(jti, expiresAt) {
      await db.insert(revokedAccessTokens).values({ jti, expiresAt }).onConflictDoNothing();
    },
    async isRevoked(jti) {
      return (await byJti.execute({ jti })).length === 1;
    },
  });
}
