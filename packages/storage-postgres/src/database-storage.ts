import type { Storage } from "@jwtgrant/core";
import { sql } from "drizzle-orm";
import { createPgClientStore } from "./client-store.js";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { type BufferedAuditLogOptions, createPgGrantAuditLog } from "./grant-audit-log.js";
import { type PurgeOptions, type PurgeResult, purgeExpired } from "./purge-expired.js";
import { createPgRefreshTokenStore } from "./refresh-token-store.js";
import { createPgReplayGuard } from "./replay-guard.js";
import { createPgRevocationStore } from "./revocation-store.js";
import { createPgSigningKeyStore } from "./signing-key-store.js";
import { guardStorage } from "./storage-errors.js";
import { createPgTrustedIssuerStore } from "./trusted-issuer-store.js";

/** Every core storage port on one PostgreSQL database, and the operations a server needs around them. */
export interface DatabaseStorage extends Storage {
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /** Deletes expired rows in bounded batches; call it periodically. */
  purgeExpired(now?: Date, options?: PurgeOptions): Promise<PurgeResult>;
  /**
   * Resolves when the database answers; rejects with `StorageUnavailableError` otherwise. On PostgreSQL it
   * goes ahead of the calls waiting for a connection, and gives up after `timeoutMs` (default: the deadline
   * of every call).
   */
  ping(timeoutMs?: number): Promise<void>;
  /** Writes buffered audit records and closes the connections. */
  close(): Promise<void>;
}

/** What differs between the drivers: how calls run, how migrations run and how the connection closes. */
export interface DriverHooks {
  readonly calls: DatabaseCalls;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  readonly audit?: BufferedAuditLogOptions;
}

/** Builds the ports once, on whichever driver's drizzle database. */
export function createDatabaseStorage(
  db: Database,
  driver: DriverHooks,
  options: StorageOptions = {},
): DatabaseStorage {
  const { calls } = driver;
  const auditLog = createPgGrantAuditLog(db, calls, options.audit);
  return {
    trustedIssuers: createPgTrustedIssuerStore(db, calls),
    clients: createPgClientStore(db, calls),
    replayGuard: createPgReplayGuard(db, calls),
    refreshTokens: createPgRefreshTokenStore(db, calls),
    signingKeys: createPgSigningKeyStore(db, calls),
    revocations: createPgRevocationStore(db, calls),
    auditLog,
    // Not a call: migrations may rightly run long, and they take connections of their own.
    migrate: () => guardStorage(() => driver.migrate()),
    purgeExpired: (now = new Date(), purgeOptions) => purgeExpired(db, calls, now, purgeOptions),
    ping: async (timeoutMs) => {
      await calls.probe(() => db.execute(sql`select 1`), timeoutMs);
    },
    async close() {
      await auditLog.close().catch(() => {
        // The database is already gone; nothing more can be written.
      });
      await driver.close();
    },
  };
}
