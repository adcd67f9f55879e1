export type { DatabaseStorage, StorageOptions } from "./database-storage.js";
export type { BufferedAuditLogOptions } from "./grant-audit-log.js";
export { createPgliteStorage, type PgliteStorageOptions } from "./pglite-storage.js";
export { createPostgresStorage, type PostgresStorageOptions } from "./postgres-storage.js";
export type { PurgeOptions, PurgeResult } from "./purge-expired.js";
export type { SealSigningKeysOptions, SealSigningKeysResult } from "./seal-signing-keys.js";
