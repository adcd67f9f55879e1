import { afterEach, beforeEach, describe } from "vitest";
import type { Storage } from "../../ports/storage.js";
import { describeAdminAuditLogContract } from "./admin-audit-log-contract.js";
import { describeAdminKeyStoreContract } from "./admin-key-store-contract.js";
import { describeClientStoreContract } from "./client-store-contract.js";
import { describeGrantAuditLogContract } from "./grant-audit-log-contract.js";
import { describeRefreshTokenStoreContract } from "./refresh-token-store-contract.js";
import { describeReplayGuardContract } from "./replay-guard-contract.js";
import { describeRevocationStoreContract } from "./revocation-store-contract.js";
import { describeSigningKeyStoreContract } from "./signing-key-store-contract.js";
import { describeTrustedIssuerStoreContract } from "./trusted-issuer-store-contract.js";

/** A storage adapter opened for one test, and how to release it afterwards. */
export interface StorageUnderTest {
  readonly storage: Storage;
  close(): Promise<void>;
}

/**
 * Registers the contract every storage adapter must pass. `open` is called before each test and must return
 * empty storage, so that tests cannot see each other's records.
 *
 * @example
 * describeStorageContract("memory", async () => ({ storage: createMemoryStorage(), close: async () => {} }));
 */
export function describeStorageContract(name: string, open: () => Promise<StorageUnderTest>): void {
  describe(`storage contract: ${name}`, () => {
    let current: StorageUnderTest | undefined;

    beforeEach(async () => {
      current = await open();
    });

    afterEach(async () => {
      const opened = current;
      current = undefined;
      await opened?.close();
    });

    // Read lazily: the suites are registered once, but each test runs against the storage opened for it.
    const storage = (): Storage => {
      if (current === undefined) throw new Error("storage contract: no storage is open outside a test");
      return current.storage;
    };

    describeTrustedIssuerStoreContract(() => storage().trustedIssuers);
    describeClientStoreContract(() => storage().clients);
    describeReplayGuardContract(() => storage().replayGuard);
    describeRefreshTokenStoreContract(() => storage().refreshTokens);
    describeSigningKeyStoreContract(() => storage().signingKeys);
    describeRevocationStoreContract(() => storage().revocations);
    describeGrantAuditLogContract(() => storage().auditLog);
    describeAdminAuditLogContract(() => storage().adminAudit);
    describeAdminKeyStoreContract(() => storage().adminKeys);
  });
}
