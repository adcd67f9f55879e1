import type { Command } from "commander";
import { type ClientOptions, clientBody, withClientFields } from "../clients/client-options.js";
import { grantTypeShortName } from "../clients/grant-type-names.js";
import { readClientSecretFile } from "../clients/read-client-secret-file.js";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { printJson, printRecord, printTable } from "../output/print.js";
import { asItems, asRecord, type JsonRecord } from "../output/response-shape.js";
import type { Column } from "../output/table.js";

const COLUMNS: readonly Column<JsonRecord>[] = [
  { header: "CLIENT ID", value: (row) => row.client_id },
  { header: "NAME", value: (row) => row.client_name },
  { header: "AUTH METHOD", value: (row) => row.token_endpoint_auth_method },
  {
    header: "GRANT TYPES",
    value: (row) => (Array.isArray(row.grant_types) ? row.grant_types.map(grantTypeShortName) : undefined),
  },
  { header: "SCOPE", value: (row) => row.scope },
];

/** The options of `clients add` that import a client from another server. */
interface ImportOptions {
  readonly clientId?: string;
  readonly clientSecretFile?: string;
}

const path = (clientId: string) => `/clients/${encodeURIComponent(clientId)}`;

function printClient(client: unknown, options: AdminOptions): void {
  if (options.json) printJson(client);
  else printRecord(asRecord(client));
}

/** The one answer that carries a client secret: shown here and never again, so it comes first. */
function printClientWithSecret(client: unknown, options: AdminOptions): void {
  if (options.json) {
    printJson(client);
    return;
  }
  const { client_id, client_secret, ...rest } = asRecord(client);
  printRecord({ client_id, client_secret, ...rest });
  if (client_secret) process.stdout.write("\nThe client_secret is shown only now: keep it somewhere safe.\n");
}

export function registerClientCommands(program: Command): void {
  const clients = program
    .command("clients")
    .description("the OAuth clients that may exchange assertions (admin API)");

  withAdminOptions(
    withClientFields(clients.command("add").description("register a client; prints its secret once"))
      .option(
        "--client-id <id>",
        "the client's id, to import a client from another server (default: a new UUID)",
      )
      .option(
        "--client-secret-file <file>",
        "a file holding the client's existing secret, to import it (128 bits of estimated entropy; never printed)",
      ),
  ).action(async (options: AdminOptions & ClientOptions & ImportOptions) => {
    const body = {
      ...(await clientBody(options)),
      client_id: options.clientId,
      client_secret:
        options.clientSecretFile === undefined
          ? undefined
          : await readClientSecretFile(options.clientSecretFile),
    };
    printClientWithSecret(await adminClient(options).post("/clients", body), options);
  });

  withAdminOptions(clients.command("list").description("list the clients")).action(
    async (options: AdminOptions) => {
      const list = await adminClient(options).get("/clients");
      if (options.json) printJson(list);
      else printTable(COLUMNS, asItems(list), "no clients");
    },
  );

  withAdminOptions(clients.command("show").description("show a client").argument("<client_id>")).action(
    async (clientId: string, options: AdminOptions) => {
      printClient(await adminClient(options).get(path(clientId)), options);
    },
  );

  withAdminOptions(
    withClientFields(
      clients.command("update").description("change a client (its secret stays)").argument("<client_id>"),
    ),
  ).action(async (clientId: string, options: AdminOptions & ClientOptions) => {
    printClient(await adminClient(options).patch(path(clientId), await clientBody(options)), options);
  });

  withAdminOptions(clients.command("remove").description("remove a client").argument("<client_id>")).action(
    async (clientId: string, options: AdminOptions) => {
      await adminClient(options).delete(path(clientId));
      if (options.json) printJson({ removed: clientId });
      else process.stdout.write(`removed client ${clientId}\n`);
    },
  );

  withAdminOptions(
    clients
      .command("rotate-secret")
      .description("issue a new client secret, printed once; the old one stops working at once")
      .argument("<client_id>"),
  ).action(async (clientId: string, options: AdminOptions) => {
    printClientWithSecret(await adminClient(options).post(`${path(clientId)}/secret`), options);
  });
}
