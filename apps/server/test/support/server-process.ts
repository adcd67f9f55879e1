import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type RunningServer,
  type RuntimeName,
  type ServerOptions,
  startServerProcess,
} from "../../src/testing/server-process.js";

export type { RunningServer, RuntimeName };

export const ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef0123";

/** `JWTGRANT_SECRETS` of the servers the tests start on PostgreSQL, where it is required. */
export const SECRETS = "e2e-key-encryption-secret-0123456789abcdef";

export const tempDataDir = () => mkdtemp(join(tmpdir(), "jwtgrant-e2e-"));

export interface StartOptions {
  readonly runtime?: RuntimeName;
  readonly dataDir: string;
  readonly env?: Record<string, string>;
  readonly tls?: NonNullable<ServerOptions["tls"]>;
}

export const startServer = (options: StartOptions): Promise<RunningServer> =>
  startServerProcess({ ...options, adminToken: ADMIN_TOKEN });
