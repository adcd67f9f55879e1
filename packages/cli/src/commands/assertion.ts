import { ASYMMETRIC_ALGORITHMS } from "@jwtgrant/core";
import { type Command, Option } from "commander";
import { CliError } from "../cli-error.js";
import { readPrivateKey } from "../jose/read-private-key.js";
import { signAssertion } from "../jose/sign-assertion.js";
import { collectClaim } from "../options/parse-claim.js";
import { parsePositiveInteger } from "../options/parse-values.js";

interface AssertionOptions {
  readonly key: string;
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly ttl: number;
  readonly scope?: string;
  readonly claim?: readonly (readonly [string, unknown])[];
  readonly kid?: string;
  readonly alg?: string;
}

async function assertion(options: AssertionOptions): Promise<void> {
  const key = await readPrivateKey(options.key);
  const alg = options.alg ?? key.algorithms[0];
  if (!(key.algorithms as readonly string[]).includes(alg)) {
    throw new CliError(`${options.key} cannot sign ${alg}; its key fits ${key.algorithms.join(", ")}`);
  }
  const jwt = await signAssertion({
    key: key.key,
    alg,
    kid: options.kid ?? key.kid,
    issuer: options.iss,
    subject: options.sub,
    audience: options.aud,
    ttlSeconds: options.ttl,
    ...(options.scope === undefined ? {} : { scope: options.scope }),
    claims: options.claim ?? [],
    now: new Date(),
  });
  process.stdout.write(`${jwt}\n`);
}

export function registerAssertionCommand(program: Command): void {
  program
    .command("assertion")
    .description("sign a JWT bearer assertion (RFC 7523) with an issuer's private key and print it")
    .requiredOption("--key <file>", "the issuer's PEM private key, e.g. private-key.pem from keygen")
    .requiredOption("--iss <issuer>", "the issuer, as registered on the server")
    .requiredOption("--sub <subject>", "whom the assertion is about")
    .requiredOption(
      "--aud <audience>",
      "the server's token endpoint, e.g. http://127.0.0.1:8080/oauth2/token",
    )
    .addOption(new Option("--ttl <seconds>", "lifetime").argParser(parsePositiveInteger).default(300))
    .option(
      "--scope <scope>",
      "a scope claim, space-separated: the most the grant may carry (ask for less with token --scope)",
    )
    .addOption(
      new Option(
        "--claim <name=value>",
        "another claim, or a replaced one; JSON values allowed (repeatable)",
      ).argParser(collectClaim),
    )
    .option("--kid <kid>", "the header's kid (default: the key's RFC 7638 thumbprint)")
    .addOption(
      new Option("--alg <alg>", "the algorithm (default: EC P-256 ES256, Ed25519 EdDSA, RSA RS256)").choices(
        ASYMMETRIC_ALGORITHMS,
      ),
    )
    .action(assertion);
}
