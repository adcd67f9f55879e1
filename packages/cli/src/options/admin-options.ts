import { type Command, Option } from "commander";
import { type AdminClient, createAdminClient } from "../http/admin-client.js";
import { jsonOption } from "./json-option.js";
import { parseNonEmpty } from "./parse-values.js";
import { type ServerOptions, serverTrust, withServerOptions } from "./server-options.js";

export interface AdminOptions extends ServerOptions {
  readonly adminToken: string;
  readonly json?: true;
}

/** The server options (`--url`, `--cacert`, `--insecure`), `--admin-token` and `--json`, which every admin command takes. */
export function withAdminOptions(command: Command): Command {
  return withServerOptions(command)
    .addOption(
      new Option("--admin-token <token>", "the admin API bearer token")
        .env("JWTGRANT_ADMIN_TOKEN")
        .argParser(parseNonEmpty)
        .makeOptionMandatory(),
    )
    .addOption(jsonOption());
}

export function adminClient(options: AdminOptions): AdminClient {
  return createAdminClient({ url: options.url, adminToken: options.adminToken, trust: serverTrust(options) });
}
