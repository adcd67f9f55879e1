export { type DatabaseProxy, type ProxyMode, startDatabaseProxy } from "./database-proxy.js";
export { createTestDatabase, hasPostgres, type TestDatabase } from "./test-database.js";
