import type { StorageOptions } from "@jwtgrant/storage-postgres";
import { DEFAULT_DATA_DIR, type OpenedStorage } from "@jwtgrant/storage-postgres/node";
import { type Command, InvalidArgumentError, Option } from "commander";

/** Where the server's database is: PostgreSQL, or the embedded database in its data directory. */
export interface DatabaseOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
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
): Promise<OpenedStorage> {
  // Loaded here only: the database drivers would slow every other command.
  const { openStorage } = await import("@jwtgrant/storage-postgres/node");
  return openStorage({ databaseUrl: options.databaseUrl, dataDir: dataDirOf(options), ...storageOptions });
}
