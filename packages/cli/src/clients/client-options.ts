import { CLIENT_AUTH_METHODS } from "@jwtgrant/core";
import { type Command, Option } from "commander";
import { readJsonFile } from "../files/read-file.js";
import { collect, parseCommaList, parsePositiveInteger } from "../options/parse-values.js";
import { grantTypeFromName } from "./grant-type-names.js";

export interface ClientOptions {
  readonly name?: string;
  readonly grantTypes?: readonly string[];
  readonly scope?: string;
  readonly authMethod?: string;
  readonly jwks?: string;
  readonly jwksUri?: string;
  readonly redirectUri?: readonly string[];
  readonly accessTokenTtl?: number;
  readonly refreshTokenTtl?: number;
  readonly trustedIssuer?: readonly string[];
  /** `false` with `--no-trusted-issuers`. */
  readonly trustedIssuers?: boolean;
  readonly resource?: readonly string[];
  /** `false` with `--no-resources`. */
  readonly resources?: boolean;
}

/** The fields of `clients add` and `clients update`. */
export function withClientFields(command: Command): Command {
  return command
    .option("--name <name>", "a name for people")
    .addOption(
      new Option(
        "--grant-types <list>",
        "comma-separated: jwt-bearer (the default), refresh_token, or full grant type URNs",
      ).argParser((value: string) => parseCommaList(value).map(grantTypeFromName)),
    )
    .option("--scope <scope>", "every scope the client may be granted, space-separated")
    .addOption(
      new Option(
        "--auth-method <method>",
        "how the client authenticates (default client_secret_basic)",
      ).choices(CLIENT_AUTH_METHODS),
    )
    .addOption(
      new Option("--jwks <file>", "the client's public JWK Set, for private_key_jwt").conflicts("jwksUri"),
    )
    .option("--jwks-uri <url>", "where the client publishes its JWK Set, for private_key_jwt")
    .addOption(new Option("--redirect-uri <uri>", "a redirect URI (repeat for more)").argParser(collect))
    .addOption(
      new Option("--access-token-ttl <seconds>", "access token lifetime (default: the server's)").argParser(
        parsePositiveInteger,
      ),
    )
    .addOption(
      new Option("--refresh-token-ttl <seconds>", "refresh token lifetime (default: the server's)").argParser(
        parsePositiveInteger,
      ),
    )
    .addOption(
      new Option(
        "--trusted-issuer <iss>",
        "accept assertions from this issuer only (repeat for more; default: any registered issuer)",
      )
        .argParser(collect)
        .conflicts("trustedIssuers"),
    )
    .option("--no-trusted-issuers", "accept assertions from any registered issuer again")
    .addOption(
      new Option(
        "--resource <uri>",
        "a resource indicator (RFC 8707) the client may request, an absolute URI (repeat for more; on update, replaces the list)",
      )
        .argParser(collect)
        .conflicts("resources"),
    )
    .option("--no-resources", "allow the client no resource indicators");
}

/** The admin API body (snake_case); fields left out stay as they are (JSON drops `undefined`). */
export async function clientBody(options: ClientOptions): Promise<Record<string, unknown>> {
  return {
    client_name: options.name,
    grant_types: options.grantTypes,
    scope: options.scope,
    token_endpoint_auth_method: options.authMethod,
    jwks: options.jwks === undefined ? undefined : await readJsonFile(options.jwks),
    jwks_uri: options.jwksUri,
    redirect_uris: options.redirectUri,
    access_token_ttl: options.accessTokenTtl,
    refresh_token_ttl: options.refreshTokenTtl,
    trusted_issuers: options.trustedIssuers === false ? null : options.trustedIssuer,
    resources: options.resources === false ? [] : options.resource,
  };
}
