import { exportTrustDocument } from "@jwtgrant/core";
import type { Command } from "commander";
import { stringify } from "yaml";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { printJson } from "../output/print.js";
import { readServerTrustState } from "../trust/read-server-trust-state.js";

export function registerExportCommand(program: Command): void {
  withAdminOptions(
    program
      .command("export")
      .description(
        "print the server's issuers and clients as a trust document (YAML, or JSON with --json), secrets excluded",
      ),
  ).action(async (options: AdminOptions) => {
    const document = exportTrustDocument(await readServerTrustState(adminClient(options)));
    if (options.json) printJson(document);
    else process.stdout.write(stringify(document, { lineWidth: 0 }));
  });
}
