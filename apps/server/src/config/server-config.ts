import {
  isSigningAlgorithm,
  MIN_SECRET_LENGTH,
  parseSecretList,
  redactUrlUserinfo,
  type SigningAlgorithm,
  shortSecretMessage,
} from "@jwtgrant/core";
import { DEFAULT_DATA_DIR } from "@jwtgrant/storage-postgres/default-data-dir";
import type { TlsFiles } from "../tls/read-tls-material.js";
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
  /** Key-encryption secrets of the signing keys, the first seals; `undefined` (embedded only): kept in `dataDir`. */
  readonly secrets: readonly string[] | undefined;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** How long a rotated refresh token, retried, gets its successor again instead of revoking the family. */
  readonly refreshTokenReuseGraceSeconds: number;
  readonly clockSkewSeconds: number;
  readonly maxAssertionLifetimeSeconds: number;
  readonly signingAlgorithm: SigningAlgorithm;
  readonly cacheMaxAgeSeconds: number;
  readonly purgeIntervalSeconds: number;
  /** Rotate the signing key when the active one is this many days old; `0`: only when the admin API says. */
  readonly keyRotationDays: number;
  readonly shutdownTimeoutSeconds: number;
  readonly logLevel: LogLevel;
  /** Serve the management console at `/console`. */
  readonly console: boolean;
  /** How old a JWKS URI's last key set may grow while the URI fails, before its issuer gets 503. */
  readonly jwksStaleMaxAgeSeconds: number;
  /** Least time between two fetches of an issuer's keys (or its metadata) forced by an unknown `kid`. */
  readonly jwksCooldownSeconds: number;
  /** Failed client authentications of one client_id, and from one address, within the window; 0: no limit. */
  readonly authFailuresPerClient: number;
  readonly authFailuresPerAddress: number;
  readonly authFailureWindowSeconds: number;
  /** `undefined`: the client address is the socket's peer; else this header, set by a trusted proxy. */
  readonly clientAddressHeader: string | undefined;
  /**
   * A trust document applied at every start, after the migrations and under their lock (never pruning), and
   * the environment its `client_secret_env` names are read from.
   */
  readonly bootstrap: { readonly file: string; readonly env: Environment } | undefined;
  /** `undefined`: plain HTTP (TLS ends at a proxy in front). */
  readonly tls: TlsFiles | undefined;
  /** PostgreSQL: how long a call may wait, for a connection and its answer, before the request gets 503. */
  readonly databaseTimeoutMs: number;
  /** PostgreSQL: how long opening a connection may take. */
  readonly databaseConnectTimeoutMs: number;
  /** How long `/readyz` waits for the database. */
  readonly readyTimeoutMs: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error"];
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
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

const DEFAULT_HOST = "127.0.0.1";
const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);

/** The host of the default issuer: the listening address, or loopback when the server listens on all. */
function issuerHost(host: string): string {
  if (WILDCARD_HOSTS.has(host)) return DEFAULT_HOST;
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

function url(name: string, raw: string, protocols: readonly string[]): string {
  const quoted = `"${redactUrlUserinfo(raw)}"`;
  const expected = `a ${protocols.map((protocol) => protocol.slice(0, -1)).join(" or ")} URL such as ${protocols[0]}//…`;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: expected ${expected}, got ${quoted}`);
  }
  if (!protocols.includes(parsed.protocol)) {
    // "localhost:9443" parses, with "localhost:" as its scheme: say the scheme is missing.
    const missing = raw.includes("://") ? "" : "; the scheme is missing";
    throw new ConfigError(`${name}: expected ${expected}, got ${quoted}${missing}`);
  }
  return raw;
}

function tlsFiles(env: Environment): TlsFiles | undefined {
  const certFile = env.JWTGRANT_TLS_CERT_FILE || undefined;
  const keyFile = env.JWTGRANT_TLS_KEY_FILE || undefined;
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined)
    throw new ConfigError("JWTGRANT_TLS_CERT_FILE: required with JWTGRANT_TLS_KEY_FILE");
  if (keyFile === undefined)
    throw new ConfigError("JWTGRANT_TLS_KEY_FILE: required with JWTGRANT_TLS_CERT_FILE");
  return { certFile, keyFile };
}

/**
 * A comma-separated list of secrets, each at least 32 characters, as `JWTGRANT_SECRETS` and the data
 * directory's `secrets` file hold them. The message names the entry, never its value.
 */
export function parseSecrets(name: string, raw: string): readonly string[] {
  const parsed = parseSecretList(raw);
  if (!parsed.ok) throw new ConfigError(shortSecretMessage(name, parsed.shortEntry));
  return parsed.secrets;
}

/**
 * Reads and validates the server's environment variables once. A bad value throws a `ConfigError` whose
 * message names the variable and what it expects.
 */
export function readServerConfig(env: Environment): ServerConfig {
  const port = integer(env, "PORT", 8080, 0, 65_535);
  const tls = tlsFiles(env);
  const scheme = tls === undefined ? "http" : "https";
  const host = env.HOST || DEFAULT_HOST;
  // By default the issuer is the address the server listens on, so that an `aud` naming it is accepted.
  const issuer = (env.JWTGRANT_ISSUER || `${scheme}://${issuerHost(host)}:${port}`).replace(/\/+$/, "");
  url("JWTGRANT_ISSUER", issuer, ["http:", "https:"]);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl !== undefined) url("DATABASE_URL", databaseUrl, ["postgres:", "postgresql:"]);
  const adminToken = env.JWTGRANT_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(`JWTGRANT_ADMIN_TOKEN: expected at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }
  const secrets = env.JWTGRANT_SECRETS ? parseSecrets("JWTGRANT_SECRETS", env.JWTGRANT_SECRETS) : undefined;
  if (secrets === undefined && databaseUrl !== undefined) {
    throw new ConfigError(
      `JWTGRANT_SECRETS: required with DATABASE_URL: comma-separated secrets of at least ${MIN_SECRET_LENGTH} characters, the first encrypts the signing keys`,
    );
  }
  if (adminToken === undefined && databaseUrl !== undefined) {
    // A token generated into one instance's data directory would differ on every other instance.
    throw new ConfigError(
      `JWTGRANT_ADMIN_TOKEN: required with DATABASE_URL: every instance sharing the database needs the same admin token, of at least ${MIN_ADMIN_TOKEN_LENGTH} characters`,
    );
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
  const clientAddressHeader = env.JWTGRANT_CLIENT_ADDRESS_HEADER || undefined;
  if (clientAddressHeader !== undefined && !HEADER_NAME.test(clientAddressHeader)) {
    throw new ConfigError(
      `JWTGRANT_CLIENT_ADDRESS_HEADER: expected a header name, got "${clientAddressHeader}"`,
    );
  }
  return {
    port,
    host,
    issuer,
    databaseUrl,
    dataDir: env.JWTGRANT_DATA_DIR || DEFAULT_DATA_DIR,
    adminToken,
    secrets,
    accessTokenTtlSeconds: integer(env, "JWTGRANT_ACCESS_TOKEN_TTL", 3600, 1, 86_400),
    refreshTokenTtlSeconds: integer(env, "JWTGRANT_REFRESH_TOKEN_TTL", 86_400, 1, 31_536_000),
    refreshTokenReuseGraceSeconds: integer(env, "JWTGRANT_REFRESH_TOKEN_REUSE_GRACE", 0, 0, 60),
    clockSkewSeconds: integer(env, "JWTGRANT_CLOCK_SKEW", 60, 0, 600),
    maxAssertionLifetimeSeconds: integer(env, "JWTGRANT_MAX_ASSERTION_LIFETIME", 3600, 1, 86_400),
    signingAlgorithm,
    cacheMaxAgeSeconds: integer(env, "JWTGRANT_CACHE_MAX_AGE", 5, 0, 300),
    purgeIntervalSeconds: integer(env, "JWTGRANT_PURGE_INTERVAL", 300, 1, 86_400),
    keyRotationDays: integer(env, "JWTGRANT_KEY_ROTATION_DAYS", 0, 0, 3650),
    shutdownTimeoutSeconds: integer(env, "JWTGRANT_SHUTDOWN_TIMEOUT", 10, 0, 300),
    logLevel: level,
    console: consoleSetting === "on",
    jwksStaleMaxAgeSeconds: integer(env, "JWTGRANT_JWKS_STALE_MAX_AGE", 86_400, 0, 604_800),
    jwksCooldownSeconds: integer(env, "JWTGRANT_JWKS_COOLDOWN", 30, 0, 3600),
    authFailuresPerClient: integer(env, "JWTGRANT_AUTH_FAILURES_PER_CLIENT", 10, 0, 1_000_000),
    authFailuresPerAddress: integer(env, "JWTGRANT_AUTH_FAILURES_PER_ADDRESS", 50, 0, 1_000_000),
    authFailureWindowSeconds: integer(env, "JWTGRANT_AUTH_FAILURE_WINDOW", 60, 1, 86_400),
    clientAddressHeader: clientAddressHeader?.toLowerCase(),
    bootstrap: env.JWTGRANT_BOOTSTRAP_FILE ? { file: env.JWTGRANT_BOOTSTRAP_FILE, env } : undefined,
    tls,
    databaseTimeoutMs: integer(env, "JWTGRANT_DB_TIMEOUT_MS", 3000, 100, 60_000),
    databaseConnectTimeoutMs: integer(env, "JWTGRANT_DB_CONNECT_TIMEOUT_MS", 3000, 100, 60_000),
    readyTimeoutMs: integer(env, "JWTGRANT_READY_TIMEOUT_MS", 500, 10, 10_000),
  };
}
