import type { Command } from "commander";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { parseNonEmpty } from "../options/parse-values.js";
import { printJson, printRecord, printTable } from "../output/print.js";
import { asItems, asRecord, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "ID", value: (row) => row.id },
  { header: "NAME", value: (row) => row.name },
  { header: "CREATED AT", value: (row) => row.created_at },
];

export function registerAdminKeyCommands(program: Command): void {
  const keys = program
    .command("admin-keys")
    .description("named admin API keys, so that the audit log says who made each change (admin API)");

  withAdminOptions(
    keys
      .command("create")
      .description("make an admin key; prints it once")
      .requiredOption("--name <name>", "what the audit log calls the key's holder, e.g. ci", parseNonEmpty),
  ).action(async (options: AdminOptions & { name: string }) => {
    const created = await adminClient(options).post("/admin-keys", { name: options.name });
    if (options.json) {
      printJson(created);
      return;
    }
    const { key, ...rest } = asRecord(created);
    printRecord({ key, ...rest });
    process.stdout.write("\nThe key is shown only now: keep it somewhere safe.\n");
  });

  withAdminOptions(
    keys.command("list").description("list the admin keys (never the keys themselves)"),
  ).action(async (options: AdminOptions) => {
    const list = await adminClient(options).get("/admin-keys");
    if (options.json) printJson(list);
    else printTable(COLUMNS, asItems(list), "no admin keys");
  });

  withAdminOptions(
    keys
      .command("revoke")
      .description("revoke an admin key; every instance refuses it from the next request")
      .argument("<id>"),
  ).action(async (id: string, options: AdminOptions) => {
    await adminClient(options).delete(`/admin-keys/${encodeURIComponent(id)}`);
    if (options.json) printJson({ revoked: id });
    else process.stdout.write(`revoked admin key ${id}\n`);
  });
}
