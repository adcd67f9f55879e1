export { createTestDatabase, hasPostgres, type TestDatabase } from "@jwtgrant/storage-postgres/testing";
