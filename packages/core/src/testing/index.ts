export { createMemoryAdminAuditLog } from "../memory/admin-audit-log.js";
export { createMemoryAdminKeyStore } from "../memory/admin-key-store.js";
export { createMemoryClientStore } from "../memory/client-store.js";
export { createMemoryGrantAuditLog } from "../memory/grant-audit-log.js";
export { createMemoryStorage } from "../memory/memory-storage.js";
export { createMemoryRefreshTokenStore } from "../memory/refresh-token-store.js";
export { createMemoryReplayGuard } from "../memory/replay-guard.js";
export { createMemoryRevocationStore } from "../memory/revocation-store.js";
export { createMemorySigningKeyStore } from "../memory/signing-key-store.js";
export { createMemoryTrustedIssuerStore } from "../memory/trusted-issuer-store.js";
export { describeStorageContract, type StorageUnderTest } from "./contract/index.js";
export {
  type CheckedTokenResponse,
  type ExpectedTokenResponse,
  expectTokenResponse,
} from "./expect-token-response.js";
export { createFrozenClock, type FrozenClock } from "./frozen-clock.js";
export { describeJwsCryptoContract } from "./jws-crypto-contract.js";
export { signTestJws } from "./sign-test-jws.js";
export { ecCertificate, ed25519Certificate, rsaCertificate } from "./test-certificates.js";
export { generateShortRsaTestKey, generateTestKey, importTestKey, type TestKey } from "./test-keys.js";
