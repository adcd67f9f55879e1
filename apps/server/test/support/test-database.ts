export {
  createTestDatabase,
  type DatabaseProxy,
  hasPostgres,
  type ProxyMode,
  startDatabaseProxy,
  type TestDatabase,
} from "@jwtgrant/storage-postgres/testing";
