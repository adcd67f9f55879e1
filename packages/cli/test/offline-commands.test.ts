import { generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTestDatabase, hasPostgres } from "@jwtgrant/storage-postgres/testing";
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, importX509, jwtVerify } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { freePort, tempDir } from "./support/server-process.js";

let work: string;

beforeAll(async () => {
  work = await tempDir("offline");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const sign = (key: string, ...extra: string[]) =>
  runCli([
    "assertion",
    "--key",
    key,
    "--iss",
    "https://idp.example.com",
    "--sub",
    "alice",
    "--aud",
    "https://as.example.com/oauth2/token",
    ...extra,
  ]);

describe("keygen", () => {
  it.each([
    ["ES256", "EC"],
    ["RS256", "RSA"],
    ["EdDSA", "OKP"],
  ])("writes a %s private key, public JWK Set and self-signed certificate of one key", async (alg, kty) => {
    const dir = join(work, `keygen-${alg}`);
    const summary = JSON.parse(
      ok(await runCli(["keygen", "--alg", alg, "--out", dir, "--days", "30", "--json"])),
    );

    const privateKey = join(dir, "private-key.pem");
    expect(await readFile(privateKey, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect((await stat(privateKey)).mode & 0o777).toBe(0o600);

    const jwks = JSON.parse(await readFile(join(dir, "public-jwks.json"), "utf8"));
    expect(jwks.keys).toHaveLength(1);
    const [jwk] = jwks.keys;
    expect(jwk).toMatchObject({ kty, alg, use: "sig", kid: summary.kid });
    expect(jwk).not.toHaveProperty("d");
    expect(await calculateJwkThumbprint(jwk)).toBe(summary.kid);

    const certificate = await readFile(join(dir, "certificate.pem"), "utf8");
    const certificateKey = await importX509(certificate, alg);
    const jwt = ok(await sign(privateKey)).trim();
    expect((await jwtVerify(jwt, certificateKey)).payload.sub).toBe("alice");
    const days = (Date.parse(summary.not_after) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("refuses to replace existing files unless --force", async () => {
    const dir = join(work, "keygen-twice");
    const first = JSON.parse(ok(await runCli(["keygen", "--out", dir, "--json"])));
    const again = await runCli(["keygen", "--out", dir]);
    expect(again.code).toBe(1);
    expect(failureLine(again)).toBe(
      `jwtgrant: ${join(dir, "private-key.pem")}, ${join(dir, "public-jwks.json")}, ${join(dir, "certificate.pem")}: already there; pass --force to replace`,
    );
    const forced = JSON.parse(ok(await runCli(["keygen", "--out", dir, "--force", "--json"])));
    expect(forced.kid).not.toBe(first.kid);
  });

  it("prints a readable summary by default", async () => {
    const output = ok(await runCli(["keygen", "--alg", "EdDSA", "--out", join(work, "keygen-human")]));
    expect(output).toMatch(/^alg +EdDSA\nkid +\S{43}\nprivate_key +\S+private-key\.pem\n/);
  });

  it("needs --out, and knows only the server's signing algorithms", async () => {
    const noOut = await runCli(["keygen"]);
    expect(noOut.code).toBe(2);
    expect(failureLine(noOut)).toBe("jwtgrant: required option '--out <dir>' not specified");
    const badAlg = await runCli(["keygen", "--alg", "HS256", "--out", join(work, "never")]);
    expect(badAlg.code).toBe(2);
    expect(failureLine(badAlg)).toBe(
      "jwtgrant: option '--alg <alg>' argument 'HS256' is invalid. Allowed choices are ES256, RS256, EdDSA.",
    );
    expect(existsSync(join(work, "never"))).toBe(false);
  });
});

describe("assertion", () => {
  let keys: Record<string, string>;

  beforeAll(async () => {
    keys = {};
    for (const alg of ["ES256", "RS256", "EdDSA"]) {
      const dir = join(work, `assertion-${alg}`);
      ok(await runCli(["keygen", "--alg", alg, "--out", dir]));
      keys[alg] = join(dir, "private-key.pem");
    }
    // An older PEM form (SEC1) of another curve: the algorithm still follows from the key.
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" });
    keys.ES384 = join(work, "p384.pem");
    await writeFile(keys.ES384, p384.privateKey.export({ format: "pem", type: "sec1" }));
  });

  it.each(["ES256", "RS256", "EdDSA", "ES384"])("infers %s from the key", async (alg) => {
    const jwt = ok(await sign(String(keys[alg]))).trim();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg, typ: "JWT" });
  });

  it("carries iss, sub, aud, iat, exp = iat + ttl, a fresh jti, the scope and extra claims", async () => {
    const key = String(keys.ES256);
    const args = [
      "--ttl",
      "120",
      "--scope",
      "orders:read",
      "--claim",
      "tenant=acme",
      "--claim",
      'roles=["a","b"]',
      "--claim",
      "n=5",
    ];
    const first = decodeJwt(ok(await sign(key, ...args)).trim());
    const second = decodeJwt(ok(await sign(key, ...args)).trim());
    expect(first).toMatchObject({
      iss: "https://idp.example.com",
      sub: "alice",
      aud: "https://as.example.com/oauth2/token",
      scope: "orders:read",
      tenant: "acme",
      roles: ["a", "b"],
      n: 5,
    });
    expect(Number(first.exp) - Number(first.iat)).toBe(120);
    expect(Math.abs(Number(first.iat) - Date.now() / 1000)).toBeLessThan(10);
    expect(first.jti).not.toBe(second.jti);
  });

  it("uses --kid and --alg when given, and refuses an algorithm the key cannot sign", async () => {
    const rsa = String(keys.RS256);
    const jwt = ok(await sign(rsa, "--kid", "key-1", "--alg", "PS256")).trim();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: "PS256", kid: "key-1" });
    const mismatch = await sign(String(keys.ES256), "--alg", "RS256");
    expect(mismatch.code).toBe(1);
    expect(failureLine(mismatch)).toBe(`jwtgrant: ${keys.ES256} cannot sign RS256; its key fits ES256`);
  });

  it("fails in one line on an unreadable or invalid key file", async () => {
    const missing = await sign(join(work, "missing.pem"));
    expect(missing.code).toBe(1);
    expect(failureLine(missing)).toBe(`jwtgrant: cannot read ${join(work, "missing.pem")}: no such file`);

    const directory = await sign(work);
    expect(failureLine(directory)).toBe(`jwtgrant: cannot read ${work}: it is a directory`);

    const certificate = join(work, "assertion-ES256", "certificate.pem");
    const notPrivate = await sign(certificate);
    expect(notPrivate.code).toBe(1);
    expect(failureLine(notPrivate)).toBe(`jwtgrant: ${certificate} is not a PEM private key`);

    const garbage = join(work, "garbage.pem");
    await writeFile(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    expect(failureLine(await sign(garbage))).toBe(`jwtgrant: ${garbage} is not a PEM private key`);
  });

  it("refuses bad option values as usage errors", async () => {
    const ttl = await sign(String(keys.ES256), "--ttl", "-5");
    expect(ttl.code).toBe(2);
    const claim = await sign(String(keys.ES256), "--claim", "no-equals-sign");
    expect(claim.code).toBe(2);
    expect(failureLine(claim)).toBe(
      "jwtgrant: option '--claim <name=value>' argument 'no-equals-sign' is invalid. must be name=value",
    );
    const missing = await runCli(["assertion", "--key", String(keys.ES256)]);
    expect(missing.code).toBe(2);
    expect(failureLine(missing)).toBe("jwtgrant: required option '--iss <issuer>' not specified");
  });
});

describe("decode", () => {
  it("shows header and claims, the times as ISO dates, and whether the token has expired", async () => {
    const dir = join(work, "assertion-ES256");
    const jwt = ok(
      await sign(join(dir, "private-key.pem"), "--claim", "exp=1000000000", "--claim", "nbf=999999000"),
    ).trim();
    const output = ok(await runCli(["decode", jwt]));
    expect(output).toMatch(/^header\n {2}alg {2}ES256\n/);
    expect(output).toContain("  exp  1000000000 (2001-09-09T01:46:40.000Z)\n");
    expect(output).toContain("  nbf  999999000 (2001-09-09T01:30:00.000Z)\n");
    expect(output).toMatch(/\nexpired {2}yes\n$/);

    const decoded = JSON.parse(ok(await runCli(["decode", jwt, "--json"])));
    expect(decoded).toMatchObject({
      header: { alg: "ES256", typ: "JWT" },
      claims: { sub: "alice", exp: 1000000000 },
      dates: { exp: "2001-09-09T01:46:40.000Z", nbf: "2001-09-09T01:30:00.000Z" },
      expired: true,
    });
  });

  it("fails in one line on something that is not a JWT", async () => {
    const result = await runCli(["decode", "not-a-jwt"]);
    expect(result.code).toBe(1);
    expect(failureLine(result)).toMatch(/^jwtgrant: not a JWT: /);
    const missing = await runCli(["decode"]);
    expect(missing.code).toBe(2);
    expect(failureLine(missing)).toBe("jwtgrant: missing required argument 'token'");
  });
});

describe("token, offline failures", () => {
  const credentials = ["--client-id", "client", "--client-secret", "secret"];

  it("needs exactly one of --assertion and --refresh-token", async () => {
    const neither = await runCli(["token", ...credentials]);
    expect(neither.code).toBe(2);
    expect(failureLine(neither)).toBe("jwtgrant: one of --assertion and --refresh-token is required");
    const both = await runCli(["token", ...credentials, "--assertion", "a.b.c", "--refresh-token", "r"]);
    expect(both.code).toBe(2);
    expect(failureLine(both)).toMatch(
      /^jwtgrant: option '--assertion <jwt>' cannot be used with option '--refresh-token/,
    );
  });

  it("says the server is unreachable in one line", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(["token", "--url", url, ...credentials, "--assertion", "a.b.c"]);
    expect(result.code).toBe(1);
    expect(failureLine(result)).toBe(`jwtgrant: cannot reach the server at ${url}: connection refused`);
  });

  it("takes the client credentials from the environment", async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const result = await runCli(["token", "--url", url, "--refresh-token", "r"], {
      env: { JWTGRANT_CLIENT_ID: "client", JWTGRANT_CLIENT_SECRET: "secret" },
    });
    expect(failureLine(result)).toMatch(/^jwtgrant: cannot reach the server/);
  });
});

describe("purge", () => {
  it.skipIf(!hasPostgres)("deletes what has expired from DATABASE_URL and keeps the rest", async () => {
    const database = await createTestDatabase({ prefix: "jwtgrant_cli" });
    try {
      ok(await runCli(["migrate"], { env: { DATABASE_URL: database.url } }));
      const sql = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        await sql`insert into used_assertions (issuer, jti, expires_at) values
          ('https://idp.example.com', 'spent', now() - interval '1 hour'),
          ('https://idp.example.com', 'live', now() + interval '1 hour')`;
        const url = new URL(database.url);
        expect(ok(await runCli(["purge"], { env: { DATABASE_URL: database.url } }))).toBe(
          `purged from the PostgreSQL database ${url.host}/${database.name}: 1 used assertion id(s), 0 refresh token(s), 0 access-token revocation(s), 0 audit record(s)\n`,
        );
        const left = await sql<{ jti: string }[]>`select jti from used_assertions`;
        expect(left.map((row) => row.jti)).toEqual(["live"]);
      } finally {
        await sql.end();
      }
    } finally {
      await database.drop();
    }
  });
});

describe("migrate", () => {
  it("applies the migrations where the server keeps its embedded database, and again without harm", async () => {
    const cwd = join(work, "migrate-cwd");
    await mkdir(cwd);
    // Unset or empty, DATABASE_URL and JWTGRANT_DATA_DIR mean what they mean to the server: ./.jwtgrant.
    expect(ok(await runCli(["migrate"], { cwd, env: { DATABASE_URL: "", JWTGRANT_DATA_DIR: "" } }))).toBe(
      "migrations applied to the embedded database in .jwtgrant/pglite\n",
    );
    expect(existsSync(join(cwd, ".jwtgrant", "pglite", "PG_VERSION"))).toBe(true);
    const dataDir = join(cwd, ".jwtgrant");
    expect(ok(await runCli(["migrate"], { env: { JWTGRANT_DATA_DIR: dataDir } }))).toBe(
      `migrations applied to the embedded database in ${join(dataDir, "pglite")}\n`,
    );
  });

  it.skipIf(!hasPostgres)("applies the migrations to DATABASE_URL, a PostgreSQL database", async () => {
    const database = await createTestDatabase({ prefix: "jwtgrant_cli" });
    try {
      const url = new URL(database.url);
      expect(ok(await runCli(["migrate"], { env: { DATABASE_URL: database.url } }))).toBe(
        `migrations applied to the PostgreSQL database ${url.host}/${database.name}\n`,
      );
      const migrated = postgres(database.url, { max: 1, onnotice: () => {} });
      try {
        const [row] = await migrated`select to_regclass('trusted_issuers') is not null as migrated`;
        expect(row?.migrated).toBe(true);
      } finally {
        await migrated.end();
      }
    } finally {
      await database.drop();
    }
  });

  it("fails in one line when PostgreSQL is unreachable, and refuses a URL that is not postgres://, its password hidden", async () => {
    const port = await freePort();
    const unreachable = await runCli(["migrate"], {
      env: { DATABASE_URL: `postgres://user:hunter2@127.0.0.1:${port}/db` },
    });
    expect(unreachable.code).toBe(1);
    const line = failureLine(unreachable);
    expect(line).toMatch(/^jwtgrant: database unavailable: /);
    expect(line).not.toContain("hunter2");
    const unparsable = await runCli(["migrate"], { env: { DATABASE_URL: "postgres://u:s3cret@host:bad" } });
    expect(unparsable.code).toBe(2);
    expect(failureLine(unparsable)).toBe(
      "jwtgrant: option '--database-url <url>' value 'postgres://***@host:bad' from env 'DATABASE_URL' is invalid. must be a postgres:// URL",
    );
    const wrongScheme = await runCli(["migrate", "--database-url", "mysql://127.0.0.1/db"]);
    expect(wrongScheme.code).toBe(2);
    expect(failureLine(wrongScheme)).toBe(
      "jwtgrant: option '--database-url <url>' argument 'mysql://127.0.0.1/db' is invalid. must be a postgres:// URL",
    );
  });
});
