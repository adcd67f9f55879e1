import { type Command, Option } from "commander";
import { CliError } from "../cli-error.js";
import { readInput } from "../files/read-input.js";
import { type AdminOptions, adminClient, withAdminOptions } from "../options/admin-options.js";
import { collect, parseNonEmpty } from "../options/parse-values.js";
import { formatExplanation } from "../output/format-explanation.js";
import { printJson } from "../output/print.js";

/** Far above the server's own bound on an assertion (16 KiB), so that the server names the problem. */
const MAX_ASSERTION_BYTES = 262_144;

interface ExplainOptions extends AdminOptions {
  readonly assertion: string;
  readonly clientId?: string;
  readonly scope?: string;
  readonly resource?: readonly string[];
}

async function readAssertion(value: string): Promise<string> {
  if (value !== "-") return value;
  const assertion = (await readInput("-", MAX_ASSERTION_BYTES)).trim();
  if (assertion === "") throw new CliError("standard input holds no assertion");
  return assertion;
}

async function explain(options: ExplainOptions): Promise<void> {
  const assertion = await readAssertion(options.assertion);
  const answer = await adminClient(options).post("/explain", {
    assertion,
    client_id: options.clientId,
    scope: options.scope,
    resource: options.resource,
  });
  if (options.json) printJson(answer);
  else process.stdout.write(formatExplanation(answer));
}

export function registerExplainCommand(program: Command): void {
  withAdminOptions(
    program
      .command("explain")
      .description(
        "show what the token endpoint would answer to an assertion, rule by rule and condition by condition; nothing is recorded",
      ),
  )
    .addOption(
      new Option("--assertion <jwt>", "the assertion, or - to read it from standard input")
        .argParser(parseNonEmpty)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        "--client-id <id>",
        "the client that would present it, whose checks then apply too (default: client checks skipped)",
      ).argParser(parseNonEmpty),
    )
    .option("--scope <scope>", "the scope it would ask for, space-separated")
    .addOption(
      new Option(
        "--resource <uri>",
        "a resource indicator (RFC 8707) it would ask for (repeat for more)",
      ).argParser(collect),
    )
    .action(explain);
}
