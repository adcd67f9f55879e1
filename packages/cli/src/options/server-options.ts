import { readFileSync } from "node:fs";
import { type Command, InvalidArgumentError, Option } from "commander";
import { readFailure } from "../files/read-file.js";
import type { ServerTrust } from "../http/send-request.js";
import { parseHttpUrl } from "./parse-values.js";

const DEFAULT_URL = "http://127.0.0.1:8080";

export interface ServerOptions {
  readonly url: URL;
  /** The PEM text of the `--cacert` file. */
  readonly cacert?: string;
  readonly insecure?: true;
}

/** `--cacert`: read when parsed, so that a missing or wrong file is a usage error before any request. */
function parseCaFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new InvalidArgumentError(readFailure(path, error));
  }
  if (!text.includes("-----BEGIN CERTIFICATE-----")) {
    throw new InvalidArgumentError(`${path} holds no PEM certificate`);
  }
  return text;
}

/**
 * `--url`, and for an https URL `--cacert` and `--insecure`, as curl has them: the admin commands and
 * `token` take these. Like curl's, `--cacert` replaces the system's CA store rather than adding to it.
 */
export function withServerOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--url <url>", "the server's base URL")
        .env("JWTGRANT_URL")
        .default(new URL(DEFAULT_URL), DEFAULT_URL)
        .argParser(parseHttpUrl),
    )
    .addOption(
      new Option("--cacert <file>", "trust the CA certificates in this PEM file instead of the system's")
        .env("JWTGRANT_CACERT")
        .argParser(parseCaFile),
    )
    .addOption(new Option("--insecure", "do not check the server's certificate (wins over --cacert)"));
}

/** The certificate check the options ask for; `--insecure` on an https URL says so once on stderr. */
export function serverTrust(options: ServerOptions): ServerTrust {
  if (options.insecure && options.url.protocol === "https:") {
    process.stderr.write("jwtgrant: warning: --insecure: the server's certificate is not checked\n");
  }
  return {
    ...(options.cacert === undefined ? {} : { ca: options.cacert }),
    ...(options.insecure ? { insecure: true } : {}),
  };
}
