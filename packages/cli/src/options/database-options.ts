import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DatabaseStorage, StorageOptions } from "@jwtgrant/storage-postgres";
import { type Command, InvalidArgumentError, Option } from "commander";

/** The server's defaults (apps/server/src/config/server-config.ts): an empty variable counts as unset. */
export const DEFAULT_DATA_DIR = "./.jwtgrant";

/** Where the server's database is: PostgreSQL, or the embedded database in its data directory. */
export interface DatabaseOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

export interface OpenedDatabase {
  readonly storage: DatabaseStorage;
  /** How to name it to the user: the host and database only, so the URL's password stays out of the output. */
  readonly where: string;
}

function parsePostgresUrl(value: string): string {
  if (value === "") return value;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== "postgres:" && protocol !== "postgresql:") {
    throw new InvalidArgumentError("must be a postgres:// URL");
  }
  return value;
}

/** `--database-url` (`DATABASE_URL`) and `--data-dir` (`JWTGRANT_DATA_DIR`), read as the server reads them. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--database-url <url>", "a PostgreSQL URL (default: the embedded database)")
        .env("DATABASE_URL")
        .argParser(parsePostgresUrl),
    )
    .addOption(
      new Option(
        "--data-dir <dir>",
        `the embedded database's directory, as the server's (default ${DEFAULT_DATA_DIR})`,
      ).env("JWTGRANT_DATA_DIR"),
    );
}

/** The embedded database's data directory, as the server resolves it. */
export const dataDirOf = (options: DatabaseOptions): string => options.dataDir || DEFAULT_DATA_DIR;

/** Opens the server's database; the caller closes it. */
export async function openDatabase(
  options: DatabaseOptions,
  storageOptions: StorageOptions = {},
): Promise<OpenedDatabase> {
  // Loaded here only: the database drivers (PGlite's WebAssembly above all) would slow every other command.
  const { createPgliteStorage, createPostgresStorage } = await import("@jwtgrant/storage-postgres");
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    return {
      storage: createPostgresStorage({ url: options.databaseUrl, ...storageOptions }),
      where: `the PostgreSQL database ${url.host}${url.pathname}`,
    };
  }
  const dataDir = dataDirOf(options);
  await mkdir(dataDir, { recursive: true });
  return {
    storage: await createPgliteStorage({ dataDir: join(dataDir, "pglite"), ...storageOptions }),
    where: `the embedded database in ${join(dataDir, "pglite")}`,
  };
}
