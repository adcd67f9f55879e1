import { describeStorageContract } from "@jwtgrant/core/testing";
import { describe } from "vitest";
import {
  hasPostgres,
  pgliteFactory,
  postgresFactory,
  type StorageFactory,
} from "./support/test-databases.js";

const opener = (factory: StorageFactory) => async () => {
  const storage = await factory.open();
  return { storage, close: () => storage.close() };
};

describeStorageContract("PGlite", opener(pgliteFactory()));

describe.runIf(hasPostgres)("PostgreSQL", () => {
  describeStorageContract("PostgreSQL", opener(postgresFactory()));
});
