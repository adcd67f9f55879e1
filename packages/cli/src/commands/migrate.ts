import type { Command } from "commander";
import { type DatabaseOptions, openDatabase, withDatabaseOptions } from "../options/database-options.js";

async function migrate(options: DatabaseOptions): Promise<void> {
  const { storage, where } = await openDatabase(options);
  try {
    await storage.migrate();
  } finally {
    await storage.close();
  }
  process.stdout.write(`migrations applied to ${where}\n`);
}

export function registerMigrateCommand(program: Command): void {
  withDatabaseOptions(
    program
      .command("migrate")
      .description(
        "apply the database migrations, to PostgreSQL or to the embedded database the server uses",
      ),
  ).action(migrate);
}
