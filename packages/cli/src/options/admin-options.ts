import { type Command, Option } from "commander";
import { type AdminClient, createAdminClient } from "../http/admin-client.js";
import { UsageError } from "../usage-error.js";
import { jsonOption } from "./json-option.js";
import { parseNonEmpty } from "./parse-values.js";
import { type ServerOptions, serverTrust, withServerOptions } from "./server-options.js";

export interface AdminOptions extends ServerOptions {
  readonly adminToken: string;
  readonly json?: true;
}

/** The admin options of a command that can also run without the server (`--print-rules`). */
export type OptionalAdminOptions = Omit<AdminOptions, "adminToken"> & { readonly adminToken?: string };

const TOKEN_FLAGS = "--admin-token <token>";

/**
 * The server options (`--url`, `--cacert`, `--insecure`), `--admin-token` and `--json`, which every admin
 * command takes. The token is mandatory unless `tokenOptional`: then `requireAdminToken` checks it when the
 * server is to be called.
 */
export function withAdminOptions(command: Command, { tokenOptional = false } = {}): Command {
  const token = new Option(TOKEN_FLAGS, "the admin API bearer token")
    .env("JWTGRANT_ADMIN_TOKEN")
    .argParser(parseNonEmpty);
  return withServerOptions(command)
    .addOption(tokenOptional ? token : token.makeOptionMandatory())
    .addOption(jsonOption());
}

/** The options with the admin token that a call needs, or the usage error commander gives for a mandatory one. */
export function requireAdminToken(options: OptionalAdminOptions): AdminOptions {
  const { adminToken } = options;
  if (adminToken === undefined) throw new UsageError(`required option '${TOKEN_FLAGS}' not specified`);
  return { ...options, adminToken };
}

export function adminClient(options: AdminOptions): AdminClient {
  return createAdminClient({ url: options.url, adminToken: options.adminToken, trust: serverTrust(options) });
}
