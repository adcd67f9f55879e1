import { createKeyring } from "@jwtgrant/core";
import type { Command } from "commander";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import {
  type DatabaseOptions,
  dataDirOf,
  openDatabase,
  withDatabaseOptions,
} from "../options/database-options.js";
import { printJson, printRecord, printTable } from "../output/print.js";
import { asItems, asRecord, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";
import { readSecrets } from "../secrets/read-secrets.js";

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "KID", value: (row) => row.kid },
  { header: "ALG", value: (row) => row.alg },
  { header: "STATUS", value: (row) => row.status },
  { header: "CREATED AT", value: (row) => row.created_at },
  { header: "PUBLISHED UNTIL", value: (row) => row.publish_until },
];

/**
 * Re-seals every signing key under the first of the server's secrets, so that the others can be dropped.
 * Against the database itself, as `migrate`: the admin API never handles private keys.
 */
async function reencrypt(options: DatabaseOptions): Promise<void> {
  const embeddedDataDir = options.databaseUrl ? undefined : dataDirOf(options);
  const secrets = await readSecrets(process.env.JWTGRANT_SECRETS, embeddedDataDir);
  const { storage, where } = await openDatabase(options, { keyring: await createKeyring(secrets) });
  try {
    const { sealed, keys } = await storage.sealSigningKeys({ reencrypt: true });
    process.stdout.write(
      `re-encrypted ${sealed} of ${keys} signing keys under the first secret in ${where}\n`,
    );
  } finally {
    await storage.close();
  }
}

export function registerKeyCommands(program: Command): void {
  const keys = program.command("keys").description("the server's own signing keys (admin API)");

  withAdminOptions(keys.command("list").description("list the active and retired signing keys")).action(
    async (options: AdminOptions) => {
      const list = await adminClient(options).get("/keys");
      if (options.json) printJson(list);
      else printTable(COLUMNS, asItems(list), "no signing keys");
    },
  );

  withAdminOptions(
    keys
      .command("rotate")
      .description("make a new active signing key; the old one stays published until its tokens expire"),
  ).action(async (options: AdminOptions) => {
    const key = await adminClient(options).post("/keys/rotate");
    if (options.json) printJson(key);
    else printRecord(asRecord(key));
  });

  withDatabaseOptions(
    keys
      .command("reencrypt")
      .description(
        "re-encrypt every signing key under the first of JWTGRANT_SECRETS, in the database itself (as migrate)",
      ),
  ).action(reencrypt);
}
