import type { Keyring, Storage } from "@jwtgrant/core";
import { sql } from "drizzle-orm";
import { createPgAdminAuditLog } from "./admin-audit-log.js";
import { createPgAdminKeyStore } from "./admin-key-store.js";
import { createPgClientStore } from "./client-store.js";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { type BufferedAuditLogOptions, createPgGrantAuditLog } from "./grant-audit-log.js";
import { type PurgeOptions, type PurgeResult, purgeExpired } from "./purge-expired.js";
import { createPgRefreshTokenStore } from "./refresh-token-store.js";
import { createPgReplayGuard } from "./replay-guard.js";
import { createPgRevocationStore } from "./revocation-store.js";
import {
  type SealSigningKeysOptions,
  type SealSigningKeysResult,
  sealSigningKeys,
} from "./seal-signing-keys.js";
import { createPrivateJwkSealer } from "./sealed-private-jwk.js";
import { createPgSigningKeyStore } from "./signing-key-store.js";
import { guardStorage } from "./storage-errors.js";
import { createPgTrustedIssuerStore } from "./trusted-issuer-store.js";

/** Every core storage port on one PostgreSQL database, and the operations a server needs around them. */
export interface DatabaseStorage extends Storage {
  /** Applies pending migrations; safe to call from several instances at once. */
  migrate(): Promise<void>;
  /**
   * Seals the signing keys stored in clear by an older version under the keyring's first secret (with
   * `reencrypt`, also those sealed under another secret) and checks that every key opens: a key no configured
   * secret opens rejects with `KeyringError`. Idempotent; runs under the migrations' lock. Call it after
   * `migrate()` at start-up.
   */
  sealSigningKeys(options?: SealSigningKeysOptions): Promise<SealSigningKeysResult>;
  /**
   * Runs `work` under the migrations' lock: one instance at a time among those sharing the database (on
   * PGlite, one at a time in this process), as start-up work that must happen once, such as a bootstrap file.
   */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
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

/** What differs between the drivers: how calls run, how migrations run and are serialised, and how the connection closes. */
export interface DriverHooks {
  readonly calls: DatabaseCalls;
  /** Runs `work` while no other instance on the database runs migrations or seals keys. */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
  applyMigrations(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  readonly audit?: BufferedAuditLogOptions;
  /**
   * Seals the private keys of the server's signing keys at rest (AES-256-GCM): `createKeyring(secrets)` from
   * `@jwtgrant/core`. Without it every port works but the signing keys', which refuses.
   */
  readonly keyring?: Keyring;
}

/** Builds the ports once, on whichever driver's drizzle database. */
export function createDatabaseStorage(
  db: Database,
  driver: DriverHooks,
  options: StorageOptions = {},
): DatabaseStorage {
  const { calls } = driver;
  const auditLog = createPgGrantAuditLog(db, calls, options.audit);
  const sealer = createPrivateJwkSealer(options.keyring);
  return {
    trustedIssuers: createPgTrustedIssuerStore(db, calls),
    clients: createPgClientStore(db, calls),
    replayGuard: createPgReplayGuard(db, calls),
    refreshTokens: createPgRefreshTokenStore(db, calls),
    signingKeys: createPgSigningKeyStore(db, calls, sealer),
    revocations: createPgRevocationStore(db, calls),
    auditLog,
    adminAudit: createPgAdminAuditLog(db, calls),
    adminKeys: createPgAdminKeyStore(db, calls),
    // Not calls: migrations and sealing may rightly run long, and they take connections of their own.
    migrate: () => guardStorage(() => driver.withMigrationLock(() => driver.applyMigrations())),
    sealSigningKeys: (sealOptions) =>
      guardStorage(() => driver.withMigrationLock(() => sealSigningKeys(db, sealer, sealOptions))),
    withMigrationLock: (work) => driver.withMigrationLock(work),
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
