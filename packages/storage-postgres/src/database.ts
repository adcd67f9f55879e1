import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema.js";

/** What every adapter runs on: a drizzle database over either driver (postgres.js or PGlite). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
