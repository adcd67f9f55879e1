import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseSecretList, shortSecretMessage } from "@jwtgrant/core";
import { CliError } from "../cli-error.js";

function parseSecrets(source: string, raw: string): readonly string[] {
  const parsed = parseSecretList(raw);
  if (!parsed.ok) throw new CliError(shortSecretMessage(source, parsed.shortEntry));
  return parsed.secrets;
}

/**
 * The secrets that encrypt the signing keys, found as the server finds them (apps/server
 * `key-encryption-secrets.ts`): `JWTGRANT_SECRETS`, else, for the embedded database only, the data
 * directory's `secrets` file. Never made up here: a new secret would open nothing.
 */
export async function readSecrets(
  configured: string | undefined,
  embeddedDataDir: string | undefined,
): Promise<readonly string[]> {
  if (configured) return parseSecrets("JWTGRANT_SECRETS", configured);
  if (embeddedDataDir === undefined) {
    throw new CliError("JWTGRANT_SECRETS: required with a PostgreSQL database, as the server's");
  }
  const file = join(embeddedDataDir, "secrets");
  if (!existsSync(file)) {
    throw new CliError(
      `JWTGRANT_SECRETS is not set and ${file} does not exist: the server has not sealed keys here`,
    );
  }
  return parseSecrets(file, (await readFile(file, "utf8")).trim());
}
