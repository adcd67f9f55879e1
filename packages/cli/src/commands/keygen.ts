import { SIGNING_ALGORITHMS, type SigningAlgorithm } from "@jwtgrant/core";
import { type Command, Option } from "commander";
import { exportJWK, exportPKCS8 } from "jose";
import { keyThumbprint } from "../jose/key-thumbprint.js";
import { generateSigningKeyPair } from "../keygen/generate-key-pair.js";
import { writeKeyFiles } from "../keygen/write-key-files.js";
import { jsonOption } from "../options/json-option.js";
import { parsePositiveInteger } from "../options/parse-values.js";
import { printJson, printRecord } from "../output/print.js";

interface KeygenOptions {
  readonly alg: SigningAlgorithm;
  readonly out: string;
  readonly subject: string;
  readonly days: number;
  readonly force?: true;
  readonly json?: true;
}

async function keygen(options: KeygenOptions): Promise<void> {
  // Loaded here only: the X.509 library takes longer to load than most commands take to run.
  const { createSelfSignedCertificate } = await import("../keygen/self-signed-certificate.js");
  const keys = await generateSigningKeyPair(options.alg);
  const kid = await keyThumbprint(keys.publicKey);
  const publicJwk = { ...(await exportJWK(keys.publicKey)), kid, alg: options.alg, use: "sig" };
  const certificate = await createSelfSignedCertificate({
    keys,
    alg: options.alg,
    commonName: options.subject,
    validityDays: options.days,
    now: new Date(),
  });
  const paths = await writeKeyFiles(
    options.out,
    {
      privateKeyPem: await exportPKCS8(keys.privateKey),
      publicJwks: `${JSON.stringify({ keys: [publicJwk] }, null, 2)}\n`,
      certificatePem: certificate.pem,
    },
    options.force === true,
  );
  const summary = {
    alg: options.alg,
    kid,
    private_key: paths.privateKey,
    public_jwks: paths.publicJwks,
    certificate: paths.certificate,
    not_after: certificate.notAfter.toISOString(),
  };
  if (options.json) printJson(summary);
  else printRecord(summary);
}

export function registerKeygenCommand(program: Command): void {
  program
    .command("keygen")
    .summary("make a test issuer's key pair and self-signed certificate")
    .description(
      "Make a key pair and a self-signed certificate for a test issuer: private-key.pem (PKCS#8, mode 0600), " +
        "public-jwks.json (kid: the RFC 7638 thumbprint) and certificate.pem, the certificate to register " +
        "with `jwtgrant issuers add --certificate`.",
    )
    .addOption(new Option("--alg <alg>", "the key's algorithm").choices(SIGNING_ALGORITHMS).default("ES256"))
    .requiredOption("--out <dir>", "the directory to write the files into (created if missing)")
    .option("--subject <cn>", "the certificate's common name", "jwtgrant test issuer")
    .addOption(
      new Option("--days <n>", "how long the certificate is valid")
        .argParser(parsePositiveInteger)
        .default(365),
    )
    .option("--force", "replace files that already exist")
    .addOption(jsonOption())
    .action(keygen);
}
