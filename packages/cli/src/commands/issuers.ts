import type { Command } from "commander";
import { type IssuerBodyMode, issuerBody } from "../issuers/issuer-body.js";
import { type IssuerOptions, withIssuerFields } from "../issuers/issuer-options.js";
import { issuerRules } from "../issuers/issuer-rules.js";
import {
  type AdminOptions,
  adminClient,
  type OptionalAdminOptions,
  requireAdminToken,
  withAdminOptions,
} from "../options/admin-options.js";
import { formatTrustRules } from "../output/format-trust-rules.js";
import { printJson, printRecord, printTable } from "../output/print.js";
import { asItems, asRecord, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";
import { buildPreset } from "../presets/build-preset.js";
import { UsageError } from "../usage-error.js";

const ruleNames = (rules: unknown): unknown =>
  Array.isArray(rules)
    ? rules.map((rule: unknown) =>
        typeof rule === "object" && rule !== null && "name" in rule ? rule.name : rule,
      )
    : rules;

function keysOf(row: JsonRecord): unknown {
  if (row.certificate) return "certificate";
  if (row.jwks) return "jwks";
  return row.discovery ? "discovery" : row.jwks_uri;
}

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "ID", value: (row) => row.id },
  { header: "ISSUER", value: (row) => row.issuer },
  { header: "NAME", value: (row) => row.name },
  { header: "KEYS", value: keysOf },
  { header: "RULES", value: (row) => ruleNames(row.rules) },
  { header: "SUBJECTS", value: (row) => (row.allow_any_subject ? "any" : row.subjects) },
  { header: "SCOPE", value: (row) => row.scope },
  { header: "ENABLED", value: (row) => row.enabled },
  { header: "EXPIRES AT", value: (row) => row.expires_at },
];

const path = (id: string) => `/issuers/${encodeURIComponent(id)}`;

function printIssuer(issuer: unknown, options: AdminOptions): void {
  if (options.json) {
    printJson(issuer);
    return;
  }
  const record = asRecord(issuer);
  printRecord("rules" in record ? { ...record, rules: formatTrustRules(record.rules) } : record);
}

type IssuerCommandOptions = OptionalAdminOptions & IssuerOptions;

/**
 * `issuers add` and `issuers update`: the preset's rules and settings merged with the options, then either
 * printed (`--print-rules`) or sent.
 */
async function saveIssuer(
  options: IssuerCommandOptions,
  mode: IssuerBodyMode,
  send: (admin: AdminOptions, body: Record<string, unknown>) => Promise<unknown>,
): Promise<void> {
  const preset = buildPreset(options.preset, options);
  if (options.printRules) {
    const rules = await issuerRules(options, preset);
    if (rules === undefined) throw new UsageError("--print-rules needs --preset or --rule-file");
    printJson(rules);
    return;
  }
  const admin = requireAdminToken(options);
  printIssuer(await send(admin, await issuerBody(options, preset, mode)), admin);
}

export function registerIssuerCommands(program: Command): void {
  const issuers = program
    .command("issuers")
    .description("the trusted issuers whose assertions the server accepts (admin API)");

  withAdminOptions(
    withIssuerFields(
      issuers
        .command("add")
        .description(
          "register a trusted issuer by its certificate, JWK Set, JWKS URI or discovery; --preset for CI and workload platforms",
        )
        .option("--issuer <iss>", "the `iss` its assertions carry (required unless the preset names it)"),
    ),
    { tokenOptional: true },
  ).action((options: IssuerCommandOptions) =>
    saveIssuer(options, "add", (admin, body) => adminClient(admin).post("/issuers", body)),
  );

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
      .description("show a trusted issuer and its trust rules")
      .argument("<id>", "its id (see issuers list)"),
  ).action(async (id: string, options: AdminOptions) => {
    printIssuer(await adminClient(options).get(path(id)), options);
  });

  withAdminOptions(
    withIssuerFields(
      issuers
        .command("update")
        .description(
          "change a trusted issuer; a new key source replaces the old one, new rules (a file, a preset) the old ones",
        )
        .argument("<id>", "its id (see issuers list)")
        .option("--issuer <iss>", "a new `iss`"),
    ),
    { tokenOptional: true },
  ).action((id: string, options: IssuerCommandOptions) =>
    saveIssuer(options, "update", (admin, body) => adminClient(admin).patch(path(id), body)),
  );

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
