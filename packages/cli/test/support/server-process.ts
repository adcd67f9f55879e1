import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  freePort,
  type ServerOptions,
  type RunningServer as ServerProcess,
  startServerProcess,
} from "@jwtgrant/server/testing";

export { freePort };

export const ADMIN_TOKEN = "cli-test-admin-token-0123456789abcdef";

export const tempDir = (prefix: string) => mkdtemp(join(tmpdir(), `jwtgrant-cli-${prefix}-`));

export interface RunningServer extends ServerProcess {
  readonly tokenEndpoint: string;
}

/**
 * The built server on its embedded database (or the one `env` names), on a free port, healthy; over HTTPS
 * with `tls`.
 */
export async function startServer(
  dataDir: string,
  { tls, env = {} }: { tls?: ServerOptions["tls"]; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const server = await startServerProcess({
    dataDir,
    adminToken: ADMIN_TOKEN,
    env,
    ...(tls === undefined ? {} : { tls }),
  });
  return { ...server, tokenEndpoint: `${server.url}/oauth2/token` };
}
