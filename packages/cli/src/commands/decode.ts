import type { Command } from "commander";
import { decodeToken } from "../jose/decode-token.js";
import { jsonOption } from "../options/json-option.js";
import { formatDetails } from "../output/details.js";
import { printJson } from "../output/print.js";

const indent = (text: string) => text.replace(/^(?=.)/gm, "  ");

function decode(token: string, options: { readonly json?: true }): void {
  const decoded = decodeToken(token.trim(), new Date());
  if (options.json) {
    printJson(decoded);
    return;
  }
  const claims = Object.entries(decoded.claims).map(([name, value]): readonly [string, unknown] => {
    const date = decoded.dates[name];
    return [name, date === undefined ? value : `${String(value)} (${date})`];
  });
  process.stdout.write(
    [
      `header\n${indent(formatDetails(Object.entries(decoded.header)))}`,
      `claims\n${indent(formatDetails(claims))}`,
      formatDetails([["expired", decoded.expired ?? "no exp claim"]]),
    ].join("\n"),
  );
}

export function registerDecodeCommand(program: Command): void {
  program
    .command("decode")
    .description(
      "show a JWT's header and claims, with exp, iat and nbf as dates; the signature is not checked",
    )
    .argument("<token>", "the JWT: an assertion, an access token")
    .addOption(jsonOption())
    .action(decode);
}
