import { redactUrlUserinfo } from "@jwtgrant/core";
import { Command } from "commander";
import { registerAdminKeyCommands } from "./commands/admin-keys.js";
import { registerApplyCommand } from "./commands/apply.js";
import { registerAssertionCommand } from "./commands/assertion.js";
import { registerAuditCommand } from "./commands/audit.js";
import { registerClientCommands } from "./commands/clients.js";
import { registerDecodeCommand } from "./commands/decode.js";
import { registerExplainCommand } from "./commands/explain.js";
import { registerExportCommand } from "./commands/export.js";
import { registerIssuerCommands } from "./commands/issuers.js";
import { registerKeygenCommand } from "./commands/keygen.js";
import { registerKeyCommands } from "./commands/keys.js";
import { registerMigrateCommand } from "./commands/migrate.js";
import { registerPurgeCommand } from "./commands/purge.js";
import { registerTokenCommand } from "./commands/token.js";

/**
 * Commander's messages ("error: unknown option '--x'\n(Did you mean --y?)") as one line of ours; an invalid
 * argument is quoted in them, so a URL's password is hidden.
 */
function oneLineError(text: string, write: (text: string) => void): void {
  const line = text
    .replace(/^error:\s*/, "")
    .trim()
    .replace(/\s*\n\s*/g, " ");
  write(`jwtgrant: ${redactUrlUserinfo(line)}\n`);
}

/**
 * The whole command tree. Settings made here before the subcommands are added are inherited by them:
 * commander throws instead of exiting, and prints its errors as one line.
 */
export function createProgram(): Command {
  const program = new Command("jwtgrant")
    .description("Administer a jwtgrant server, and make test keys, assertions and token exchanges")
    .exitOverride()
    .configureOutput({ outputError: oneLineError })
    .showSuggestionAfterError();
  registerIssuerCommands(program);
  registerClientCommands(program);
  registerKeyCommands(program);
  registerAdminKeyCommands(program);
  registerAuditCommand(program);
  registerExplainCommand(program);
  registerApplyCommand(program);
  registerExportCommand(program);
  registerKeygenCommand(program);
  registerAssertionCommand(program);
  registerTokenCommand(program);
  registerDecodeCommand(program);
  registerMigrateCommand(program);
  registerPurgeCommand(program);
  return program;
}
