import type { Command } from "commander";
import { type DatabaseOptions, openDatabase, withDatabaseOptions } from "../options/database-options.js";

async function purge(options: DatabaseOptions): Promise<void> {
  const { storage, where } = await openDatabase(options);
  try {
    const purged = await storage.purgeExpired();
    process.stdout.write(
      `purged from ${where}: ${purged.usedAssertions} used assertion id(s), ${purged.refreshTokens} refresh token(s), ` +
        `${purged.revokedAccessTokens} access-token revocation(s), ${purged.auditRecords} audit record(s)\n`,
    );
  } finally {
    await storage.close();
  }
}

export function registerPurgeCommand(program: Command): void {
  withDatabaseOptions(
    program
      .command("purge")
      .description(
        "delete expired assertion ids, refresh tokens, revocations and old audit records now, as a running server does periodically (on Cloudflare Workers, its cron trigger does)",
      ),
  ).action(purge);
}
