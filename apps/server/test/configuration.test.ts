import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/config-error.js";
import { readServerConfig } from "../src/config/server-config.js";

const SECRET_A = "secret-a-0123456789abcdef0123456789";
const SECRET_B = "secret-b-0123456789abcdef0123456789";
const serverDir = fileURLToPath(new URL("..", import.meta.url));

describe("configuration", () => {
  it("has the documented defaults", () => {
    expect(readServerConfig({})).toEqual({
      port: 8080,
      host: "127.0.0.1",
      issuer: "http://127.0.0.1:8080",
      databaseUrl: undefined,
      dataDir: "./.jwtgrant",
      adminToken: undefined,
      secrets: undefined,
      accessTokenTtlSeconds: 3600,
      refreshTokenTtlSeconds: 86400,
      refreshTokenReuseGraceSeconds: 0,
      clockSkewSeconds: 60,
      maxAssertionLifetimeSeconds: 3600,
      signingAlgorithm: "ES256",
      cacheMaxAgeSeconds: 5,
      purgeIntervalSeconds: 300,
      keyRotationDays: 0,
      shutdownTimeoutSeconds: 10,
      logLevel: "info",
      console: true,
      jwksStaleMaxAgeSeconds: 86400,
      jwksCooldownSeconds: 30,
      authFailuresPerClient: 10,
      authFailuresPerAddress: 50,
      authFailureWindowSeconds: 60,
      clientAddressHeader: undefined,
      tls: undefined,
      databaseTimeoutMs: 3000,
      databaseConnectTimeoutMs: 3000,
      readyTimeoutMs: 500,
    });
  });

  it("defaults the issuer to the address it listens on, loopback when it listens on all", () => {
    expect(readServerConfig({ HOST: "10.0.0.7", PORT: "9000" }).issuer).toBe("http://10.0.0.7:9000");
    expect(readServerConfig({ HOST: "0.0.0.0" }).issuer).toBe("http://127.0.0.1:8080");
    expect(readServerConfig({ HOST: "::" }).issuer).toBe("http://127.0.0.1:8080");
    expect(readServerConfig({ HOST: "::1" }).issuer).toBe("http://[::1]:8080");
  });

  it("serves TLS from both files, and then defaults the issuer to https", () => {
    const config = readServerConfig({
      PORT: "9443",
      JWTGRANT_TLS_CERT_FILE: "/etc/jwtgrant/tls/tls.crt",
      JWTGRANT_TLS_KEY_FILE: "/etc/jwtgrant/tls/tls.key",
    });
    expect(config).toMatchObject({
      issuer: "https://127.0.0.1:9443",
      tls: { certFile: "/etc/jwtgrant/tls/tls.crt", keyFile: "/etc/jwtgrant/tls/tls.key" },
    });
  });

  it("derives the issuer from the port and honours every variable", () => {
    const config = readServerConfig({
      PORT: "9000",
      DATABASE_URL: "postgres://u@db:5432/jwtgrant",
      JWTGRANT_SECRETS: ` ${SECRET_A} ,${SECRET_B}`,
      JWTGRANT_ADMIN_TOKEN: SECRET_A,
      JWTGRANT_ACCESS_TOKEN_TTL: "600",
      JWTGRANT_CLOCK_SKEW: "0",
      JWTGRANT_REFRESH_TOKEN_REUSE_GRACE: "5",
      LOG_LEVEL: "WARN",
      JWTGRANT_CONSOLE: "OFF",
      JWTGRANT_JWKS_STALE_MAX_AGE: "0",
      JWTGRANT_JWKS_COOLDOWN: "0",
      JWTGRANT_AUTH_FAILURES_PER_CLIENT: "5",
      JWTGRANT_AUTH_FAILURES_PER_ADDRESS: "0",
      JWTGRANT_AUTH_FAILURE_WINDOW: "300",
      JWTGRANT_CLIENT_ADDRESS_HEADER: "X-Forwarded-For",
      JWTGRANT_DB_TIMEOUT_MS: "1500",
      JWTGRANT_DB_CONNECT_TIMEOUT_MS: "2000",
      JWTGRANT_READY_TIMEOUT_MS: "250",
    });
    expect(config).toMatchObject({
      issuer: "http://127.0.0.1:9000",
      databaseUrl: "postgres://u@db:5432/jwtgrant",
      secrets: [SECRET_A, SECRET_B],
      accessTokenTtlSeconds: 600,
      clockSkewSeconds: 0,
      refreshTokenReuseGraceSeconds: 5,
      logLevel: "warn",
      console: false,
      jwksStaleMaxAgeSeconds: 0,
      jwksCooldownSeconds: 0,
      authFailuresPerClient: 5,
      authFailuresPerAddress: 0,
      authFailureWindowSeconds: 300,
      clientAddressHeader: "x-forwarded-for",
      databaseTimeoutMs: 1500,
      databaseConnectTimeoutMs: 2000,
      readyTimeoutMs: 250,
    });
  });

  it.each([
    [{ PORT: "http" }, /^PORT: expected a whole number/],
    [{ PORT: "70000" }, /^PORT: /],
    [
      { JWTGRANT_ISSUER: "not a url" },
      /^JWTGRANT_ISSUER: expected a http or https URL such as http:\/\/…, got "not a url"$/,
    ],
    [
      { JWTGRANT_ISSUER: "localhost:9443" },
      /^JWTGRANT_ISSUER: expected a http or https URL such as http:\/\/…, got "localhost:9443"; the scheme is missing$/,
    ],
    [
      { DATABASE_URL: "mysql://x" },
      /^DATABASE_URL: expected a postgres or postgresql URL such as postgres:\/\/…, got "mysql:\/\/x"$/,
    ],
    [{ JWTGRANT_ADMIN_TOKEN: "short" }, /^JWTGRANT_ADMIN_TOKEN: expected at least 32 characters/],
    [{ JWTGRANT_CLOCK_SKEW: "-5" }, /^JWTGRANT_CLOCK_SKEW: /],
    [
      { JWTGRANT_REFRESH_TOKEN_REUSE_GRACE: "61" },
      /^JWTGRANT_REFRESH_TOKEN_REUSE_GRACE: expected a whole number from 0 to 60, got "61"$/,
    ],
    [{ JWTGRANT_SIGNING_ALG: "HS256" }, /^JWTGRANT_SIGNING_ALG: /],
    [{ LOG_LEVEL: "loud" }, /^LOG_LEVEL: /],
    [{ JWTGRANT_CONSOLE: "yes" }, /^JWTGRANT_CONSOLE: expected on or off/],
    [
      { JWTGRANT_JWKS_STALE_MAX_AGE: "1d" },
      /^JWTGRANT_JWKS_STALE_MAX_AGE: expected a whole number from 0 to 604800/,
    ],
    [
      { JWTGRANT_JWKS_COOLDOWN: "3601" },
      /^JWTGRANT_JWKS_COOLDOWN: expected a whole number from 0 to 3600, got "3601"$/,
    ],
    [{ JWTGRANT_AUTH_FAILURES_PER_CLIENT: "-1" }, /^JWTGRANT_AUTH_FAILURES_PER_CLIENT: /],
    [{ JWTGRANT_AUTH_FAILURES_PER_ADDRESS: "many" }, /^JWTGRANT_AUTH_FAILURES_PER_ADDRESS: /],
    [{ JWTGRANT_AUTH_FAILURE_WINDOW: "0" }, /^JWTGRANT_AUTH_FAILURE_WINDOW: /],
    [{ JWTGRANT_CLIENT_ADDRESS_HEADER: "x forwarded" }, /^JWTGRANT_CLIENT_ADDRESS_HEADER: expected a header/],
    [{ JWTGRANT_TLS_CERT_FILE: "tls.crt" }, /^JWTGRANT_TLS_KEY_FILE: required with JWTGRANT_TLS_CERT_FILE$/],
    [{ JWTGRANT_TLS_KEY_FILE: "tls.key" }, /^JWTGRANT_TLS_CERT_FILE: required with JWTGRANT_TLS_KEY_FILE$/],
    [
      { DATABASE_URL: "postgres://u@db/jwtgrant" },
      /^JWTGRANT_SECRETS: required with DATABASE_URL: comma-separated secrets of at least 32 characters/,
    ],
    [
      { JWTGRANT_SECRETS: `${SECRET_A},short-secret` },
      /^JWTGRANT_SECRETS: expected comma-separated secrets of at least 32 characters each; entry 2 is shorter$/,
    ],
    [{ JWTGRANT_SECRETS: `${SECRET_A},` }, /^JWTGRANT_SECRETS: .*; entry 2 is shorter$/],
    [
      { DATABASE_URL: "postgres://u@db/jwtgrant", JWTGRANT_SECRETS: SECRET_A },
      /^JWTGRANT_ADMIN_TOKEN: required with DATABASE_URL: every instance sharing the database needs the same admin token/,
    ],
    [{ JWTGRANT_DB_TIMEOUT_MS: "3s" }, /^JWTGRANT_DB_TIMEOUT_MS: expected a whole number from 100 to 60000/],
    [{ JWTGRANT_DB_CONNECT_TIMEOUT_MS: "50" }, /^JWTGRANT_DB_CONNECT_TIMEOUT_MS: /],
    [{ JWTGRANT_READY_TIMEOUT_MS: "0" }, /^JWTGRANT_READY_TIMEOUT_MS: /],
    [
      { JWTGRANT_KEY_ROTATION_DAYS: "weekly" },
      /^JWTGRANT_KEY_ROTATION_DAYS: expected a whole number from 0 to 3650/,
    ],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => readServerConfig(env)).toThrow(ConfigError);
    expect(() => readServerConfig(env)).toThrow(message);
  });

  it("never echoes the userinfo of a URL it refuses", () => {
    for (const name of ["DATABASE_URL", "JWTGRANT_ISSUER"]) {
      const refusal = () => readServerConfig({ [name]: "postgres://u:s3cret@host:bad" });
      expect(refusal).toThrow(`${name}: expected a`);
      expect(refusal).toThrow(
        `URL such as ${name === "DATABASE_URL" ? "postgres" : "http"}://…, got "postgres://***@host:bad"`,
      );
    }
  });

  it("refuses DATABASE_URL with its password hidden in the one line on stderr", () => {
    const result = spawnSync(process.execPath, ["dist/node.js"], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: "postgres://u:s3cret@host:bad", JWTGRANT_SECRETS: SECRET_A },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'jwtgrant: invalid configuration: DATABASE_URL: expected a postgres or postgresql URL such as postgres://…, got "postgres://***@host:bad"\n',
    );
  });

  it("stops the server with one clear line and a non-zero exit code", () => {
    const result = spawnSync(process.execPath, ["dist/node.js"], {
      cwd: serverDir,
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
