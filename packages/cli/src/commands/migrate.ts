import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { DatabaseStorage } from "@jwtgrant/storage-postgres";
import { type Command, InvalidArgumentError, Option } from "commander";

/** The server's defaults (apps/server/src/config/server-config.ts): an empty variable counts as unset. */
const DEFAULT_DATA_DIR = "./.jwtgrant";

interface MigrateOptions {
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

async function migrate(options: MigrateOptions): Promise<void> {
  // Loaded here only: the database drivers (PGlite's WebAssembly above all) would slow every other command.
  const { createPgliteStorage, createPostgresStorage } = await import("@jwtgrant/storage-postgres");
  let storage: DatabaseStorage;
  let where: string;
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    storage = await createPostgresStorage({ url: options.databaseUrl });
    // The host and database only: the URL's password stays out of the output.
    where = `the PostgreSQL database ${url.host}${url.pathname}`;
  } else {
    const dataDir = options.dataDir || DEFAULT_DATA_DIR;
    await mkdir(dataDir, { recursive: true });
    storage = await createPgliteStorage({ dataDir: join(dataDir, "pglite") });
    where = `the embedded database in ${join(dataDir, "pglite")}`;
  }
  try {
    await storage.migrate();
  } finally {
    await storage.close();
  }
  process.stdout.write(`migrations applied to ${where}\n`);
}

export function registerMigrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply the database migrations, to PostgreSQL or to the embedded database the server uses")
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
    )
    .action(migrate);
}
