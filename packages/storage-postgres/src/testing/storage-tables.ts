import { getTableName, isTable } from "drizzle-orm";
import * as schema from "../schema.js";

/** Every table the storage keeps, by name in alphabetical order: what the migrations create. */
export const STORAGE_TABLES: readonly string[] = Object.values(schema)
  .filter(isTable)
  .map((table) => getTableName(table))
  .sort();
