import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config-error.js";
import { readServerConfig } from "../src/config/server-config.js";

describe("configuration", () => {
  it("has the documented defaults", () => {
    expect(readServerConfig({})).toEqual({
      port: 8080,
      host: "127.0.0.1",
      issuer: "http://localhost:8080",
      databaseUrl: undefined,
      dataDir: "./.jwtgrant",
      adminToken: undefined,
      accessTokenTtlSeconds: 3600,
      refreshTokenTtlSeconds: 86400,
      clockSkewSeconds: 60,
      maxAssertionLifetimeSeconds: 3600,
      signingAlgorithm: "ES256",
      cacheMaxAgeSeconds: 5,
      purgeIntervalSeconds: 300,
      shutdownTimeoutSeconds: 10,
      logLevel: "info",
      console: true,
      databaseTimeoutMs: 3000,
      databaseConnectTimeoutMs: 3000,
      readyTimeoutMs: 500,
    });
  });

  it("derives the issuer from the port and honours every variable", () => {
    const config = readServerConfig({
      PORT: "9000",
      DATABASE_URL: "postgres://u@db:5432/jwtgrant",
      JWTGRANT_ACCESS_TOKEN_TTL: "600",
      JWTGRANT_CLOCK_SKEW: "0",
      LOG_LEVEL: "WARN",
      JWTGRANT_CONSOLE: "OFF",
      JWTGRANT_DB_TIMEOUT_MS: "1500",
      JWTGRANT_DB_CONNECT_TIMEOUT_MS: "2000",
      JWTGRANT_READY_TIMEOUT_MS: "250",
    });
    expect(config).toMatchObject({
      issuer: "http://localhost:9000",
      databaseUrl: "postgres://u@db:5432/jwtgrant",
      accessTokenTtlSeconds: 600,
      clockSkewSeconds: 0,
      logLevel: "warn",
      console: false,
      databaseTimeoutMs: 1500,
      databaseConnectTimeoutMs: 2000,
      readyTimeoutMs: 250,
    });
  });

  it.each([
    [{ PORT: "http" }, /^PORT: expected a whole number/],
    [{ PORT: "70000" }, /^PORT: /],
    [{ JWTGRANT_ISSUER: "not a url" }, /^JWTGRANT_ISSUER: expected an absolute URL/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL: expected a postgres: or postgresql: URL/],
    [{ JWTGRANT_ADMIN_TOKEN: "short" }, /^JWTGRANT_ADMIN_TOKEN: expected at least 32 characters/],
    [{ JWTGRANT_CLOCK_SKEW: "-5" }, /^JWTGRANT_CLOCK_SKEW: /],
    [{ JWTGRANT_SIGNING_ALG: "HS256" }, /^JWTGRANT_SIGNING_ALG: /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: /],
    [{ JWTGRANT_CONSOLE: "yes" }, /^JWTGRANT_CONSOLE: expected on or off/],
    [{ JWTGRANT_DB_TIMEOUT_MS: "3s" }, /^JWTGRANT_DB_TIMEOUT_MS: expected a whole number from 100 to 60000/],
    [{ JWTGRANT_DB_CONNECT_TIMEOUT_MS: "50" }, /^JWTGRANT_DB_CONNECT_TIMEOUT_MS: /],
    [{ JWTGRANT_READY_TIMEOUT_MS: "0" }, /^JWTGRANT_READY_TIMEOUT_MS: /],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });

  it("stops the server with one clear line and a non-zero exit code", () => {
    const result = spawnSync(process.execPath, ["dist/node.js"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      env: { ...process.env, PORT: "not-a-port" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split("\n")).toEqual([
      'jwtgrant: invalid configuration: PORT: expected a whole number from 0 to 65535, got "not-a-port"',
    ]);
    expect(result.stdout).toBe("");
  });
});
