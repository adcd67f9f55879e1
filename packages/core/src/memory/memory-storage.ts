import type { Clock } from "../ports/clock.js";
import type { Storage } from "../ports/storage.js";
import { createMemoryAdminAuditLog } from "./admin-audit-log.js";
import { createMemoryAdminKeyStore } from "./admin-key-store.js";
import { createMemoryClientStore } from "./client-store.js";
import { createMemoryGrantAuditLog } from "./grant-audit-log.js";
import { createMemoryRefreshTokenStore } from "./refresh-token-store.js";
import { createMemoryReplayGuard } from "./replay-guard.js";
import { createMemoryRevocationStore } from "./revocation-store.js";
import { createMemorySigningKeyStore } from "./signing-key-store.js";
import { createMemoryTrustedIssuerStore } from "./trusted-issuer-store.js";

export interface MemoryStorageOptions {
  /** Decides when remembered assertion ids expire; tests pass their frozen clock. Default: the system clock. */
  readonly clock?: Clock;
}

/** Every storage port held in this process's memory: for tests, development and single-instance trials. */
export function createMemoryStorage(options: MemoryStorageOptions = {}): Storage {
  return {
    trustedIssuers: createMemoryTrustedIssuerStore(),
    clients: createMemoryClientStore(),
    replayGuard: createMemoryReplayGuard(options.clock),
    refreshTokens: createMemoryRefreshTokenStore(),
    signingKeys: createMemorySigningKeyStore(),
    revocations: createMemoryRevocationStore(),
    auditLog: createMemoryGrantAuditLog(),
    adminAudit: createMemoryAdminAuditLog(),
    adminKeys: createMemoryAdminKeyStore(),
  };
}
