import { existsSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseSecrets } from "./config/server-config.js";

export interface KeyEncryptionSecrets {
  /** The first seals the signing keys; every one opens them. */
  readonly secrets: readonly string[];
  /** Made up on this start: the operator is told where it is kept, never what it is. */
  readonly generated: boolean;
}

/** Where the embedded default keeps its secrets when `JWTGRANT_SECRETS` is unset. */
export const secretsFile = (dataDir: string) => join(dataDir, "secrets");

/**
 * The secrets that encrypt the signing keys: the configured ones (`JWTGRANT_SECRETS`), else the ones kept in
 * the data directory (same comma-separated form), else a new random one written there, readable by the
 * owner only, so that a restart can still open the keys. Only the embedded database gets that default.
 */
export async function resolveSecrets(
  configured: readonly string[] | undefined,
  dataDir: string,
): Promise<KeyEncryptionSecrets> {
  if (configured !== undefined) return { secrets: configured, generated: false };
  const file = secretsFile(dataDir);
  if (existsSync(file)) {
    return { secrets: parseSecrets(file, (await readFile(file, "utf8")).trim()), generated: false };
  }
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
  return { secrets: [secret], generated: true };
}
