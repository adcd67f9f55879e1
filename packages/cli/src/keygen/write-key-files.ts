import { existsSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CliError } from "../cli-error.js";

export interface KeyFileContents {
  readonly privateKeyPem: string;
  readonly publicJwks: string;
  readonly certificatePem: string;
}

export interface KeyFilePaths {
  readonly privateKey: string;
  readonly publicJwks: string;
  readonly certificate: string;
}

const PRIVATE_KEY_MODE = 0o600;

/**
 * Writes the three files into `dir`, refusing to replace any of them unless `force`: overwriting a private
 * key silently would orphan every certificate already registered for it.
 */
export async function writeKeyFiles(
  dir: string,
  contents: KeyFileContents,
  force: boolean,
): Promise<KeyFilePaths> {
  const paths: KeyFilePaths = {
    privateKey: join(dir, "private-key.pem"),
    publicJwks: join(dir, "public-jwks.json"),
    certificate: join(dir, "certificate.pem"),
  };
  const existing = Object.values(paths).filter((path) => existsSync(path));
  if (!force && existing.length > 0) {
    throw new CliError(`${existing.join(", ")}: already there; pass --force to replace`);
  }
  await mkdir(dir, { recursive: true });
  await writeFile(paths.privateKey, contents.privateKeyPem, { mode: PRIVATE_KEY_MODE });
  // The mode of writeFile applies only to a new file; a replaced one keeps its old mode otherwise.
  await chmod(paths.privateKey, PRIVATE_KEY_MODE);
  await writeFile(paths.publicJwks, contents.publicJwks);
  await writeFile(paths.certificate, contents.certificatePem);
  return paths;
}
