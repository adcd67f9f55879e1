export { type DatabaseProxy, type ProxyMode, startDatabaseProxy } from "./database-proxy.js";
export { STORAGE_TABLES } from "./storage-tables.js";
export {
  createTestDatabase,
  hasPostgres,
  type TestDatabase,
  type TestDatabaseOptions,
} from "./test-database.js";
