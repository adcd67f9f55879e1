import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import { type Command, Option } from "commander";
import { requestToken } from "../oauth/request-token.js";
import { jsonOption } from "../options/json-option.js";
import { parseNonEmpty } from "../options/parse-values.js";
import { type ServerOptions, serverTrust, withServerOptions } from "../options/server-options.js";
import { printJson, printRecord } from "../output/print.js";
import { asRecord } from "../output/response-shape.js";

interface TokenOptions extends ServerOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly assertion?: string;
  readonly refreshToken?: string;
  readonly scope?: string;
  readonly json?: true;
}

function grantParameters(options: TokenOptions, command: Command): Record<string, string> {
  const scope = options.scope === undefined ? {} : { scope: options.scope };
  if (options.assertion !== undefined) {
    return { grant_type: JWT_BEARER_GRANT, assertion: options.assertion, ...scope };
  }
  if (options.refreshToken !== undefined) {
    return { grant_type: REFRESH_TOKEN_GRANT, refresh_token: options.refreshToken, ...scope };
  }
  return command.error("one of --assertion and --refresh-token is required", {
    exitCode: 2,
    code: "jwtgrant.missingGrant",
  });
}

export function registerTokenCommand(program: Command): void {
  withServerOptions(
    program
      .command("token")
      .description(
        "exchange an assertion or a refresh token at the server's token endpoint; prints the tokens",
      ),
  )
    .addOption(
      new Option("--client-id <id>", "the client's id")
        .env("JWTGRANT_CLIENT_ID")
        .argParser(parseNonEmpty)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option("--client-secret <secret>", "the client's secret (sent with HTTP Basic)")
        .env("JWTGRANT_CLIENT_SECRET")
        .argParser(parseNonEmpty)
        .makeOptionMandatory(),
    )
    .addOption(new Option("--assertion <jwt>", "the JWT bearer grant's assertion").conflicts("refreshToken"))
    .option("--refresh-token <token>", "a refresh token to redeem")
    .option("--scope <scope>", "the scope to ask for, space-separated (default: all the grant allows)")
    .addOption(jsonOption())
    .action(async (options: TokenOptions, command: Command) => {
      const response = await requestToken({
        url: options.url,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        parameters: grantParameters(options, command),
        trust: serverTrust(options),
      });
      if (options.json) printJson(response);
      else printRecord(asRecord(response));
    });
}
