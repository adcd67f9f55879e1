import { isSigningAlgorithm, type SigningAlgorithm } from "@jwtgrant/core";
import { ConfigError } from "./config-error.js";

export type LogLevel = "debug" | "info" | "warn" | "error";

/** Everything the server reads from its environment, validated. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly issuer: string;
  /** `undefined`: embedded PGlite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** `undefined`: generated once and kept in `dataDir`. */
  readonly adminToken: string | undefined;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly clockSkewSeconds: number;
  readonly maxAssertionLifetimeSeconds: number;
  readonly signingAlgorithm: SigningAlgorithm;
  readonly cacheMaxAgeSeconds: number;
  readonly purgeIntervalSeconds: number;
  readonly shutdownTimeoutSeconds: number;
  readonly logLevel: LogLevel;
  /** Serve the management console at `/console`. */
  readonly console: boolean;
  /** PostgreSQL: how long a call may wait, for a connection and its answer, before the request gets 503. */
  readonly databaseTimeoutMs: number;
  /** PostgreSQL: how long opening a connection may take. */
  readonly databaseConnectTimeoutMs: number;
  /** How long `/readyz` waits for the database. */
  readonly readyTimeoutMs: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];
const MIN_ADMIN_TOKEN_LENGTH = 32;

function integer(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function url(name: string, raw: string, protocols: readonly string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: expected an absolute URL, got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name}: expected a ${protocols.join(" or ")} URL, got "${parsed.protocol}"`);
  }
  return raw;
}

/**
 * Reads and validates the configuration once (DESIGN "Server"). A bad value throws a `ConfigError` whose
 * message names the variable and what it expects.
 */
export function readServerConfig(env: Environment): ServerConfig {
  const port = integer(env, "PORT", 8080, 0, 65_535);
  const issuer = (env.JWTGRANT_ISSUER || `http://localhost:${port}`).replace(/\/+$/, "");
  url("JWTGRANT_ISSUER", issuer, ["http:", "https:"]);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) url("DATABASE_URL", databaseUrl, ["postgres:", "postgresql:"]);
  const adminToken = env.JWTGRANT_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`JWTGRANT_ADMIN_TOKEN: expected at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }
  const signingAlgorithm = env.JWTGRANT_SIGNING_ALG || "ES256";
  if (!isSigningAlgorithm(signingAlgorithm)) {
    throw new ConfigError(`JWTGRANT_SIGNING_ALG: expected ES256, RS256 or EdDSA, got "${signingAlgorithm}"`);
  }
  const logLevel = (env.LOG_LEVEL || "info").toLowerCase();
  const level = LOG_LEVELS.find((candidate) => candidate === logLevel);
  if (level === undefined)
    throw new ConfigError(`LOG_LEVEL: expected one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  const consoleSetting = (env.JWTGRANT_CONSOLE || "on").toLowerCase();
  if (consoleSetting !== "on" && consoleSetting !== "off") {
    throw new ConfigError(`JWTGRANT_CONSOLE: expected on or off, got "${consoleSetting}"`);
  }
  return {
    port,
    host: env.HOST || "127.0.0.1",
    issuer,
    databaseUrl,
    dataDir: env.JWTGRANT_DATA_DIR || "./.jwtgrant",
    adminToken,
    accessTokenTtlSeconds: integer(env, "JWTGRANT_ACCESS_TOKEN_TTL", 3600, 1, 86_400),
    refreshTokenTtlSeconds: integer(env, "JWTGRANT_REFRESH_TOKEN_TTL", 86_400, 1, 31_536_000),
    clockSkewSeconds: integer(env, "JWTGRANT_CLOCK_SKEW", 60, 0, 600),
    maxAssertionLifetimeSeconds: integer(env, "JWTGRANT_MAX_ASSERTION_LIFETIME", 3600, 1, 86_400),
    signingAlgorithm,
    cacheMaxAgeSeconds: integer(env, "JWTGRANT_CACHE_MAX_AGE", 5, 0, 300),
    purgeIntervalSeconds: integer(env, "JWTGRANT_PURGE_INTERVAL", 300, 1, 86_400),
    shutdownTimeoutSeconds: integer(env, "JWTGRANT_SHUTDOWN_TIMEOUT", 10, 0, 300),
    logLevel: level,
    console: consoleSetting === "on",
    databaseTimeoutMs: integer(env, "JWTGRANT_DB_TIMEOUT_MS", 3000, 100, 60_000),
    databaseConnectTimeoutMs: integer(env, "JWTGRANT_DB_CONNECT_TIMEOUT_MS", 3000, 100, 60_000),
    readyTimeoutMs: integer(env, "JWTGRANT_READY_TIMEOUT_MS", 500, 10, 10_000),
  };
}
