import { ASYMMETRIC_ALGORITHMS } from "@jwtgrant/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { collect, parseCommaList, parseNonEmpty, parsePositiveInteger } from "../options/parse-values.js";
import type { PresetName } from "../presets/build-preset.js";
import type { PresetOptions } from "../presets/issuer-preset.js";
import { withPresetOptions } from "../presets/with-preset-options.js";

export interface IssuerOptions extends PresetOptions {
  readonly issuer?: string;
  readonly name?: string;
  /** One file or several, each a PEM certificate of one of the issuer's keys. */
  readonly certificate?: readonly string[];
  readonly jwks?: string;
  readonly jwksUri?: string;
  readonly discovery?: true;
  readonly algorithms?: readonly string[];
  readonly subject?: readonly string[];
  readonly anySubject?: true;
  readonly scope?: string;
  readonly expiresAt?: string;
  readonly enable?: true;
  readonly disable?: true;
  readonly audience?: readonly string[];
  /** `false` with `--no-audiences`. */
  readonly audiences?: boolean;
  readonly assertionReuse?: "single_use" | "allowed";
  readonly maxAssertionLifetime?: number;
  readonly ruleFile?: string;
  /** `false` with `--no-rules`. */
  readonly rules?: boolean;
  readonly preset?: PresetName;
  readonly printRules?: true;
}

/** The options that give an issuer's keys, one at most. */
export const KEY_SOURCES = ["certificate", "jwks", "jwksUri", "discovery"] as const;

const keySource = (flags: string, description: string, name: string): Option =>
  new Option(flags, description).conflicts(KEY_SOURCES.filter((other) => other !== name));

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

/** The fields of `issuers add` and `issuers update`, besides `--issuer` itself, then the presets'. */
export function withIssuerFields(command: Command): Command {
  command
    .option("--name <name>", "a name for people")
    .addOption(
      keySource(
        "--certificate <file>",
        "a PEM X.509 certificate of the issuer's key (repeat for several keys, up to 10)",
        "certificate",
      ).argParser(collect),
    )
    .addOption(keySource("--jwks <file>", "a file holding the issuer's public JWK Set", "jwks"))
    .addOption(keySource("--jwks-uri <url>", "where the issuer publishes its JWK Set", "jwksUri"))
    .addOption(
      keySource(
        "--discovery",
        "find the keys through the issuer's OpenID Provider metadata (<issuer>/.well-known/openid-configuration)",
        "discovery",
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
    .option("--enable", "accept this issuer's assertions again")
    .addOption(
      new Option(
        "--audience <aud>",
        "also accept this `aud`, besides the server's issuer and token endpoint (repeat for more)",
      )
        .argParser(collect)
        .conflicts("audiences"),
    )
    .option("--no-audiences", "accept only the server's issuer and token endpoint as `aud` again")
    .addOption(
      new Option(
        "--assertion-reuse <mode>",
        "single_use (the default), or allowed for workload tokens reused until they expire",
      ).choices(["single_use", "allowed"]),
    )
    .addOption(
      new Option(
        "--max-assertion-lifetime <seconds>",
        "the longest assertion lifetime accepted from this issuer (default: the server's)",
      ).argParser(parsePositiveInteger),
    )
    .addOption(
      new Option(
        "--rule-file <file>",
        "the trust rules: a JSON array as the admin API takes them, - for standard input",
      )
        .argParser(parseNonEmpty)
        .conflicts("rules"),
    )
    .option("--no-rules", "remove the trust rules (only for an issuer that signs for one tenant)")
    .option("--print-rules", "print the rules that would be sent, as JSON for --rule-file, and send nothing");
  return withPresetOptions(command);
}
