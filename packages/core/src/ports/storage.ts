import type { AdminAuditLog } from "./admin-audit-log.js";
import type { AdminKeyStore } from "./admin-key-store.js";
import type { ClientStore } from "./client-store.js";
import type { GrantAuditLog } from "./grant-audit-log.js";
import type { RefreshTokenStore } from "./refresh-token-store.js";
import type { ReplayGuard } from "./replay-guard.js";
import type { RevocationStore } from "./revocation-store.js";
import type { SigningKeyStore } from "./signing-key-store.js";
import type { TrustedIssuerStore } from "./trusted-issuer-store.js";

/**
 * Every storage port the engine needs. Adapters throw `StorageUnavailableError` when the database cannot be
 * reached, and recover by themselves when it returns.
 */
export interface Storage {
  readonly trustedIssuers: TrustedIssuerStore;
  readonly clients: ClientStore;
  readonly replayGuard: ReplayGuard;
  readonly refreshTokens: RefreshTokenStore;
  readonly signingKeys: SigningKeyStore;
  readonly revocations: RevocationStore;
  readonly auditLog: GrantAuditLog;
  readonly adminAudit: AdminAuditLog;
  readonly adminKeys: AdminKeyStore;
}
