import { ASYMMETRIC_ALGORITHMS } from "@jwtgrant/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { readJsonFile, readTextFile } from "../files/read-file.js";
import { collect, parseCommaList } from "../options/parse-values.js";

export interface IssuerOptions {
  readonly issuer?: string;
  readonly name?: string;
  readonly certificate?: string;
  readonly jwks?: string;
  readonly jwksUri?: string;
  readonly algorithms?: readonly string[];
  readonly subject?: readonly string[];
  readonly anySubject?: true;
  readonly scope?: string;
  readonly expiresAt?: string;
  readonly enable?: true;
  readonly disable?: true;
}

function parseAlgorithms(value: string): string[] {
  const algorithms = parseCommaList(value);
  const unknown = algorithms.filter((alg) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(alg));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown: ${unknown.join(", ")}; one of ${ASYMMETRIC_ALGORITHMS.join(", ")}`,
    );
  }
  return algorithms;
}

/** The fields of `issuers add` and `issuers update`, besides `--issuer` itself. */
export function withIssuerFields(command: Command): Command {
  const keySources = ["certificate", "jwks", "jwksUri"];
  return command
    .option("--name <name>", "a name for people")
    .addOption(
      new Option("--certificate <file>", "a PEM X.509 certificate of the issuer's key").conflicts(
        keySources.filter((name) => name !== "certificate"),
      ),
    )
    .addOption(
      new Option("--jwks <file>", "a file holding the issuer's public JWK Set").conflicts(
        keySources.filter((name) => name !== "jwks"),
      ),
    )
    .addOption(
      new Option("--jwks-uri <url>", "where the issuer publishes its JWK Set").conflicts(
        keySources.filter((name) => name !== "jwksUri"),
      ),
    )
    .addOption(
      new Option(
        "--algorithms <list>",
        "allowed JWS algorithms, comma-separated (default: what the keys imply)",
      ).argParser(parseAlgorithms),
    )
    .addOption(
      new Option("--subject <sub>", "accept only this subject (repeat for more)")
        .argParser(collect)
        .conflicts("anySubject"),
    )
    .option("--any-subject", "accept any subject (the default for a new issuer)")
    .option("--scope <scope>", "the most this issuer's assertions may be granted, space-separated")
    .option("--expires-at <date>", "trust ends at this RFC 3339 instant, e.g. 2027-01-01T00:00:00Z")
    .addOption(new Option("--disable", "refuse this issuer's assertions").conflicts("enable"))
    .option("--enable", "accept this issuer's assertions again");
}

/** The admin API body (snake_case); fields left out stay as they are (JSON drops `undefined`). */
export async function issuerBody(options: IssuerOptions): Promise<Record<string, unknown>> {
  return {
    issuer: options.issuer,
    name: options.name,
    certificate: options.certificate === undefined ? undefined : await readTextFile(options.certificate),
    jwks: options.jwks === undefined ? undefined : await readJsonFile(options.jwks),
    jwks_uri: options.jwksUri,
    algorithms: options.algorithms,
    subjects: options.subject,
    allow_any_subject: options.anySubject,
    scope: options.scope,
    expires_at: options.expiresAt,
    enabled: options.disable ? false : options.enable,
  };
}
