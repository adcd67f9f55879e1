import type { Command } from "commander";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { parsePositiveInteger } from "../options/parse-values.js";
import { printJson, printTable } from "../output/print.js";
import { asItems, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";

/** Who made a change, as the console says it; never a credential. */
function who(actor: unknown): string {
  const { kind, name, session, task, fingerprint } = (actor ?? {}) as Record<string, unknown>;
  if (kind === "api_key") return `admin key ${String(name)}`;
  if (kind === "console") return `console session ${String(session)}`;
  if (kind === "server") return `the server (${String(task).replaceAll("_", " ")})`;
  return typeof fingerprint === "string" ? `admin token ${fingerprint}` : "admin token";
}

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "AT", value: (row) => row.at },
  { header: "WHO", value: (row) => who(row.actor) },
  { header: "ACTION", value: (row) => row.action },
  { header: "TARGET", value: (row) => row.target_id },
];

export function registerAuditCommand(program: Command): void {
  withAdminOptions(
    program
      .command("audit")
      .description("the latest admin changes, newest first (--json for before and after)")
      .option("--limit <n>", "how many, 1 to 500", parsePositiveInteger, 50),
  ).action(async (options: AdminOptions & { limit: number }) => {
    const page = await adminClient(options).get(`/audit?limit=${options.limit}`);
    if (options.json) printJson(page);
    else printTable(COLUMNS, asItems(page), "no admin changes");
  });
}
