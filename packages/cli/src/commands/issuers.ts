import type { Command } from "commander";
import { type IssuerOptions, issuerBody, withIssuerFields } from "../issuers/issuer-options.js";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { printJson, printRecord, printTable } from "../output/print.js";
import { asItems, asRecord, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "ID", value: (row) => row.id },
  { header: "ISSUER", value: (row) => row.issuer },
  { header: "NAME", value: (row) => row.name },
  { header: "KEYS", value: (row) => (row.certificate ? "certificate" : row.jwks ? "jwks" : row.jwks_uri) },
  { header: "SUBJECTS", value: (row) => (row.allow_any_subject ? "any" : row.subjects) },
  { header: "SCOPE", value: (row) => row.scope },
  { header: "ENABLED", value: (row) => row.enabled },
  { header: "EXPIRES AT", value: (row) => row.expires_at },
];

const path = (id: string) => `/issuers/${encodeURIComponent(id)}`;

function printIssuer(issuer: unknown, options: AdminOptions): void {
  if (options.json) printJson(issuer);
  else printRecord(asRecord(issuer));
}

export function registerIssuerCommands(program: Command): void {
  const issuers = program
    .command("issuers")
    .description("the trusted issuers whose assertions the server accepts (admin API)");

  withAdminOptions(
    withIssuerFields(
      issuers
        .command("add")
        .description("register a trusted issuer by its certificate, JWK Set or JWKS URI")
        .requiredOption("--issuer <iss>", "the `iss` its assertions carry"),
    ),
  ).action(async (options: AdminOptions & IssuerOptions) => {
    printIssuer(await adminClient(options).post("/issuers", await issuerBody(options)), options);
  });

  withAdminOptions(issuers.command("list").description("list the trusted issuers")).action(
    async (options: AdminOptions) => {
      const list = await adminClient(options).get("/issuers");
      if (options.json) printJson(list);
      else printTable(COLUMNS, asItems(list), "no trusted issuers");
    },
  );

  withAdminOptions(
    issuers
      .command("show")
      .description("show a trusted issuer")
      .argument("<id>", "its id (see issuers list)"),
  ).action(async (id: string, options: AdminOptions) => {
    printIssuer(await adminClient(options).get(path(id)), options);
  });

  withAdminOptions(
    withIssuerFields(
      issuers
        .command("update")
        .description("change a trusted issuer; a new key source replaces the old one")
        .argument("<id>", "its id (see issuers list)")
        .option("--issuer <iss>", "a new `iss`"),
    ),
  ).action(async (id: string, options: AdminOptions & IssuerOptions) => {
    printIssuer(await adminClient(options).patch(path(id), await issuerBody(options)), options);
  });

  withAdminOptions(
    issuers
      .command("remove")
      .description("remove a trusted issuer")
      .argument("<id>", "its id (see issuers list)"),
  ).action(async (id: string, options: AdminOptions) => {
    await adminClient(options).delete(path(id));
    if (options.json) printJson({ removed: id });
    else process.stdout.write(`removed issuer ${id}\n`);
  });
}
