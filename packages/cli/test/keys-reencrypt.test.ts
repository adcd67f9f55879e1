import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { createTestDatabase, hasPostgres } from "@jwtgrant/storage-postgres/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, startServer, tempDir } from "./support/server-process.js";

const OLD = "old-key-encryption-secret-0123456789abcdef";
const NEW = "new-key-encryption-secret-0123456789abcdef";
const NOT_AMONG =
  /^jwtgrant: cannot open signing key \S+: sealed under the secret with key id \S+, which is not among the configured secrets$/;

let work: string;

beforeAll(async () => {
  work = await tempDir("reencrypt");
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const jwksKids = async (url: string) =>
  ((await (await fetch(`${url}/oauth2/jwks`)).json()) as { keys: { kid: string }[] }).keys
    .map((key) => key.kid)
    .sort();

describe("keys reencrypt", () => {
  it("reads the embedded database's secrets file as the server does, and moves every key to the first secret", async () => {
    const dataDir = join(work, "embedded");
    const server = await startServer(dataDir);
    expect(await server.stop()).toBe(0);
    const generated = (await readFile(join(dataDir, "secrets"), "utf8")).trim();
    const reencrypt = (secrets?: string) =>
      runCli(["keys", "reencrypt"], {
        env: { JWTGRANT_DATA_DIR: dataDir, ...(secrets === undefined ? {} : { JWTGRANT_SECRETS: secrets }) },
      });
    const where = `the embedded database in ${join(dataDir, "pglite")}`;

    expect(ok(await reencrypt())).toBe(
      `re-encrypted 0 of 1 signing keys under the first secret in ${where}\n`,
    );
    expect(ok(await reencrypt(`${NEW},${generated}`))).toBe(
      `re-encrypted 1 of 1 signing keys under the first secret in ${where}\n`,
    );
    expect(ok(await reencrypt(NEW))).toBe(
      `re-encrypted 0 of 1 signing keys under the first secret in ${where}\n`,
    );
    const refused = await reencrypt();
    expect(refused.code).toBe(1);
    expect(failureLine(refused)).toMatch(NOT_AMONG);
  });

  it("refuses in one line without secrets to open the keys with, never echoing one", async () => {
    const empty = join(work, "no-secrets");
    const missing = await runCli(["keys", "reencrypt"], { env: { JWTGRANT_DATA_DIR: empty } });
    expect(missing.code).toBe(1);
    expect(failureLine(missing)).toBe(
      `jwtgrant: JWTGRANT_SECRETS is not set and ${join(empty, "secrets")} does not exist: the server has not sealed keys here`,
    );
    const short = await runCli(["keys", "reencrypt"], {
      env: { JWTGRANT_DATA_DIR: empty, JWTGRANT_SECRETS: `${NEW},too-short-secret` },
    });
    expect(short.code).toBe(1);
    expect(failureLine(short)).toBe(
      "jwtgrant: JWTGRANT_SECRETS: expected comma-separated secrets of at least 32 characters each; entry 2 is shorter",
    );
    expect(short.stderr).not.toContain("too-short-secret");
    const postgresWithout = await runCli(["keys", "reencrypt"], {
      env: { DATABASE_URL: "postgres://jwtgrant@127.0.0.1:1/jwtgrant" },
    });
    expect(postgresWithout.code).toBe(1);
    expect(failureLine(postgresWithout)).toBe(
      "jwtgrant: JWTGRANT_SECRETS: required with a PostgreSQL database, as the server's",
    );
  });

  it.skipIf(!hasPostgres)(
    "re-encrypts every key of a PostgreSQL database under the first secret, so the old one can be dropped",
    async () => {
      const database = await createTestDatabase({ prefix: "jwtgrant_cli" });
      const databaseUrl = database.url;
      const url = new URL(databaseUrl);
      const dataDir = join(work, "postgres");
      try {
        const before = await startServer(dataDir, {
          env: { DATABASE_URL: databaseUrl, JWTGRANT_SECRETS: OLD },
        });
        const rotated = await fetch(`${before.url}/admin/keys/rotate`, {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        expect(rotated.status).toBe(201);
        const kids = await jwksKids(before.url);
        expect(kids).toHaveLength(2);
        expect(await before.stop()).toBe(0);

        const reencrypt = (secrets: string) =>
          runCli(["keys", "reencrypt"], { env: { DATABASE_URL: databaseUrl, JWTGRANT_SECRETS: secrets } });
        const where = `the PostgreSQL database ${url.host}/${database.name}`;
        expect(ok(await reencrypt(`${NEW},${OLD}`))).toBe(
          `re-encrypted 2 of 2 signing keys under the first secret in ${where}\n`,
        );
        expect(ok(await reencrypt(`${NEW},${OLD}`))).toBe(
          `re-encrypted 0 of 2 signing keys under the first secret in ${where}\n`,
        );
        const oldOnly = await reencrypt(OLD);
        expect(oldOnly.code).toBe(1);
        expect(failureLine(oldOnly)).toMatch(NOT_AMONG);

        const after = await startServer(dataDir, {
          env: { DATABASE_URL: databaseUrl, JWTGRANT_SECRETS: NEW },
        });
        try {
          expect(await jwksKids(after.url)).toEqual(kids);
        } finally {
          expect(await after.stop()).toBe(0);
        }
      } finally {
        await database.drop();
      }
    },
  );
});
