import { existsSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Where the generated admin token is kept. */
export const adminTokenFile = (dataDir: string) => join(dataDir, "admin-token");

/**
 * The line that tells the operator about a generated token: where it is kept, and the token itself only to
 * a person at a terminal, since log collectors keep whatever else stderr carries.
 */
export function generatedTokenNotice(dataDir: string, token: string, terminal: boolean): string {
  return `jwtgrant: generated an admin token, kept in ${adminTokenFile(dataDir)}${terminal ? `: ${token}` : ""}\n`;
}

export interface AdminToken {
  readonly token: string;
  /** Made up on this start: to be shown to the operator once. */
  readonly generated: boolean;
}

/**
 * The admin token: the configured one, else the one kept in the data directory, else a new random one
 * written there (readable by the owner only) so that a restart keeps it.
 */
export async function resolveAdminToken(
  configured: string | undefined,
  dataDir: string,
): Promise<AdminToken> {
  if (configured !== undefined) return { token: configured, generated: false };
  const file = adminTokenFile(dataDir);
  if (existsSync(file)) return { token: (await readFile(file, "utf8")).trim(), generated: false };
  const token = `jgat_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}`;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { token, generated: true };
}
