import { spawnSync } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createKeyring } from "@jwtgrant/core";
import { createPgliteStorage, createPostgresStorage } from "@jwtgrant/storage-postgres";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { type RunningServer, startServer, tempDataDir } from "./support/server-process.js";
import { createTestDatabase, hasPostgres } from "./support/test-database.js";

const serverDir = fileURLToPath(new URL("..", import.meta.url));
const FIRST = "first-key-encryption-secret-0123456789abcdef";
const SECOND = "second-key-encryption-secret-0123456789abcdef";

const jwksKids = async (server: RunningServer) =>
  ((await (await fetch(`${server.url}/oauth2/jwks`)).json()) as { keys: { kid: string }[] }).keys.map(
    (key) => key.kid,
  );

describe("secrets of the embedded default", () => {
  it("generates the key-encryption secret once into the data directory, owner-only, and seals the keys with it", async () => {
    const dataDir = await tempDataDir();
    const first = await startServer({ dataDir });
    const kids = await jwksKids(first);
    expect(await first.stop()).toBe(0);
    const file = join(dataDir, "secrets");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain(
      `jwtgrant: generated the secret that encrypts the signing keys, kept in ${file}: back it up with the database\n`,
    );
    const secret = (await readFile(file, "utf8")).trim();
    expect(first.output()).not.toContain(secret);

    const second = await startServer({ dataDir });
    expect(await jwksKids(second)).toEqual(kids);
    expect(await second.stop()).toBe(0);
    expect(second.output()).not.toContain("generated the secret");
    expect((await readFile(file, "utf8")).trim()).toBe(secret);

    // A key stored in clear opens under any keyring: these open under the file's secret only.
    const storage = await createPgliteStorage({
      dataDir: join(dataDir, "pglite"),
      keyring: await createKeyring(["a-secret-of-another-installation-0123456789"]),
    });
    try {
      await expect(storage.sealSigningKeys()).rejects.toMatchObject({ code: "unknown_secret" });
    } finally {
      await storage.close();
    }
  });

  it("prints where a generated admin token is kept, not the token, when stderr is not a terminal", async () => {
    const dataDir = await tempDataDir();
    const server = await startServer({ dataDir, env: { JWTGRANT_ADMIN_TOKEN: "" } });
    try {
      const file = join(dataDir, "admin-token");
      const token = (await readFile(file, "utf8")).trim();
      expect(server.output()).toContain(`jwtgrant: generated an admin token, kept in ${file}\n`);
      expect(server.output()).not.toContain(token);
      const keys = await fetch(`${server.url}/admin/keys`, { headers: { authorization: `Bearer ${token}` } });
      expect(keys.status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe.runIf(hasPostgres)("secrets on PostgreSQL", () => {
  it("seals the keys, seals rows left in clear at start-up, refuses a wrong secret, and opens under a rotated list", async () => {
    const database = await createTestDatabase();
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    const dump = async () =>
      (await sql`select private_jwk::text as dump from signing_keys`).map((r) => r.dump);
    const dataDir = await tempDataDir();
    const start = (secrets: string) =>
      startServer({ dataDir, env: { DATABASE_URL: database.url, JWTGRANT_SECRETS: secrets } });
    try {
      const server = await start(FIRST);
      const kids = await jwksKids(server);
      expect(await server.stop()).toBe(0);
      expect((await dump()).join()).not.toContain('"d"');

      // A row as an older version left it: the private JWK in clear.
      const storage = createPostgresStorage({ url: database.url, keyring: await createKeyring([FIRST]) });
      const active = await storage.signingKeys.findActive();
      await storage.close();
      await sql`update signing_keys set private_jwk = ${sql.json(JSON.parse(JSON.stringify(active?.privateJwk)))}`;
      expect((await dump()).join()).toContain('"d"');
      const restarted = await start(FIRST);
      expect(await jwksKids(restarted)).toEqual(kids);
      expect(await restarted.stop()).toBe(0);
      expect((await dump()).join()).not.toContain('"d"');

      const refused = spawnSync(process.execPath, ["dist/node.js"], {
        cwd: serverDir,
        env: {
          ...process.env,
          PORT: "0",
          JWTGRANT_DATA_DIR: dataDir,
          DATABASE_URL: database.url,
          JWTGRANT_SECRETS: SECOND,
          JWTGRANT_ADMIN_TOKEN: "e2e-admin-token-0123456789abcdef0123",
          LOG_LEVEL: "warn",
        },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^jwtgrant: invalid configuration: JWTGRANT_SECRETS: cannot open signing key ${kids[0]}: sealed under the secret with key id [\\w-]+, which is not among the configured secrets\\n$`,
        ),
      );
      expect(refused.stdout).toBe("");
      expect(await sql`select kid from signing_keys`).toEqual([{ kid: kids[0] }]);

      const rotated = await start(`${SECOND},${FIRST}`);
      expect(await jwksKids(rotated)).toEqual(kids);
      expect(await rotated.stop()).toBe(0);
    } finally {
      await sql.end();
      await database.drop();
    }
  });
});
