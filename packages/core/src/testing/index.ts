export { createMemoryClientStore } from "../memory/client-store.js";
export { createMemoryStorage } from "../memory/memory-storage.js";
export { createMemoryRefreshTokenStore } from "../memory/refresh-token-store.js";
export { createMemoryReplayGuard } from "../memory/replay-guard.js";
export { createMemoryRevocationStore } from "../memory/revocation-store.js";
export { createMemorySigningKeyStore } from "../memory/signing-key-store.js";
export { createMemoryTrustedIssuerStore } from "../memory/trusted-issuer-store.js";
export { describeStorageContract, type StorageUnderTest } from "./contract/index.js";
