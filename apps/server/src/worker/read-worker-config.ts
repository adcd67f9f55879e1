import { ConfigError } from "../config/config-error.js";
import { readServerConfig, type ServerConfig } from "../config/server-config.js";
import type { WorkerEnv } from "./worker-bindings.js";

/** Required on a Worker, which has no data directory to keep generated ones in, nor a listening address. */
const REQUIRED = ["DATABASE_URL", "JWTGRANT_ADMIN_TOKEN", "JWTGRANT_SECRETS", "JWTGRANT_ISSUER"] as const;

/** Settings that name files or a listener: a Worker has neither. */
const UNSUPPORTED = [
  "JWTGRANT_BOOTSTRAP_FILE",
  "JWTGRANT_TLS_CERT_FILE",
  "JWTGRANT_TLS_KEY_FILE",
  "JWTGRANT_DATA_DIR",
] as const;

function stringBindings(env: WorkerEnv): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === "string") strings[name] = value;
  return strings;
}

/** The configuration of a Worker: a database, an admin token and the secrets are always there. */
export interface WorkerConfig extends ServerConfig {
  readonly databaseUrl: string;
  readonly adminToken: string;
  readonly secrets: readonly string[];
}

/**
 * The server's configuration from the Worker's bindings: the same variables as on Node, `DATABASE_URL` from
 * a Hyperdrive binding `HYPERDRIVE` when there is one. A missing or bad value throws a `ConfigError` that
 * names every missing binding, or the bad one.
 */
export function readWorkerConfig(env: WorkerEnv): WorkerConfig {
  const vars = stringBindings(env);
  const hyperdrive = env.HYPERDRIVE?.connectionString;
  const settings: Record<string, string> = { ...vars, ...(hyperdrive ? { DATABASE_URL: hyperdrive } : {}) };
  const missing = REQUIRED.filter((name) => !settings[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `${missing.join(", ")}: required on Workers, as variables or secrets (\`wrangler secret put NAME\`); DATABASE_URL may come from a Hyperdrive binding named HYPERDRIVE instead`,
    );
  }
  const unsupported = UNSUPPORTED.filter((name) => settings[name]);
  if (unsupported.length > 0) {
    throw new ConfigError(`${unsupported.join(", ")}: not available on Workers, which have no file system`);
  }
  const config = readServerConfig(settings);
  const { databaseUrl, adminToken, secrets } = config;
  // Checked above; read back through the parser, which also validates them.
  if (databaseUrl === undefined || adminToken === undefined || secrets === undefined) {
    throw new ConfigError(`${REQUIRED.join(", ")}: required on Workers`);
  }
  return { ...config, databaseUrl, adminToken, secrets };
}
