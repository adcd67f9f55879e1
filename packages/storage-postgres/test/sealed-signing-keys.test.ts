import { PGlite } from "@electric-sql/pglite";
import { BOOTSTRAP_ADMIN, createEngine, createKeyring, KeyringError, type SigningKey } from "@jwtgrant/core";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseStorage } from "../src/database-storage.js";
import { createPgliteStorage } from "../src/pglite-storage.js";
import { createPostgresStorage } from "../src/postgres-storage.js";
import { hasPostgres, migratedTestDatabase } from "./support/test-databases.js";

const OLD = "old-secret-0123456789abcdef0123456789";
const NEW = "new-secret-0123456789abcdef0123456789";
const STRANGER = "another-installations-secret-0123456789";

interface StoredRow {
  readonly kid: string;
  readonly dump: string;
}

/** Storage over one database per file, emptied before each test, and the raw rows of `signing_keys`. */
interface Driver {
  /** `secrets: null` opens the storage without a keyring. */
  open(secrets: readonly string[] | null): Promise<DatabaseStorage>;
  /** `select kid, private_jwk::text` ordered by kid: what a database dump holds. */
  rows(): Promise<StoredRow[]>;
  execute(statement: string, params: readonly string[]): Promise<void>;
}

const keyringOf = async (secrets: readonly string[] | null) =>
  secrets === null ? {} : { keyring: await createKeyring(secrets) };

const DUMP = "select kid, private_jwk::text as dump from signing_keys order by kid";

function pgliteDriver(): Driver {
  let client: Promise<PGlite> | undefined;
  afterAll(async () => (await client)?.close());
  const ready = () => {
    client ??= PGlite.create().then(async (created) => {
      await (await createPgliteStorage({ client: created })).migrate();
      return created;
    });
    return client;
  };
  beforeEach(async () => {
    await (await ready()).exec("truncate signing_keys");
  });
  return {
    open: async (secrets) => createPgliteStorage({ client: await ready(), ...(await keyringOf(secrets)) }),
    rows: async () => (await (await ready()).query<StoredRow>(DUMP)).rows,
    async execute(statement, params) {
      await (await ready()).query(statement, [...params]);
    },
  };
}

function postgresDriver(): Driver {
  const ready = migratedTestDatabase(4);
  const opened: DatabaseStorage[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((storage) => storage.close()));
  });
  beforeEach(async () => {
    await (await ready()).sql`truncate signing_keys`;
  });
  return {
    async open(secrets) {
      // A pool per storage, as each server instance has: the lock is then really taken between them.
      const storage = createPostgresStorage({
        url: (await ready()).database.url,
        maxConnections: 3,
        ...(await keyringOf(secrets)),
      });
      opened.push(storage);
      return storage;
    },
    rows: async () => [...(await (await ready()).sql.unsafe<StoredRow[]>(DUMP))],
    async execute(statement, params) {
      await (await ready()).sql.unsafe(statement, [...params]);
    },
  };
}

const engineOn = (storage: DatabaseStorage) =>
  createEngine({ storage }, { issuer: "https://as.example.com" });

/** The active key and one retired key, created through the engine as a server would. */
async function twoKeys(storage: DatabaseStorage): Promise<SigningKey[]> {
  const engine = engineOn(storage);
  await engine.ensureSigningKey();
  await engine.signingKeys.rotate(BOOTSTRAP_ADMIN);
  return storage.signingKeys.list();
}

/** A key row as it was stored before keys were sealed: the private JWK in clear. Resolves its `d`. */
async function insertClearRow(driver: Driver): Promise<string> {
  const storage = await driver.open([STRANGER]);
  await engineOn(storage).ensureSigningKey();
  const key = await storage.signingKeys.findActive();
  if (key === null) throw new Error("no key");
  await driver.execute("update signing_keys set private_jwk = $1::jsonb where kid = $2", [
    JSON.stringify(key.privateJwk),
    key.kid,
  ]);
  return String(key.privateJwk.d);
}

function describeSealedKeys(name: string, driver: () => Driver) {
  describe(`signing keys sealed at rest on ${name}`, () => {
    const db = driver();

    it("stores no private key material in clear, and reads every key back whole", async () => {
      const storage = await db.open([NEW]);
      const keys = await twoKeys(storage);
      const rows = await db.rows();
      expect(rows).toHaveLength(2);
      for (const key of keys) {
        const row = rows.find((candidate) => candidate.kid === key.kid);
        expect(row?.dump).not.toContain(String(key.privateJwk.d));
        expect(JSON.parse(row?.dump ?? "{}")).toEqual({
          sealed: { v: 1, kek: expect.any(String), iv: expect.any(String), ct: expect.any(String) },
        });
      }
      expect(rows.map((row) => row.dump).join()).not.toMatch(/"d"/);
      expect((await (await db.open([NEW])).signingKeys.list()).map((key) => key.privateJwk)).toEqual(
        keys.map((key) => key.privateJwk),
      );
    });

    it("fails with a clear error under a wrong secret, and creates no new key", async () => {
      const kids = (await twoKeys(await db.open([NEW]))).map((key) => key.kid);
      const stranger = await db.open([STRANGER]);

      const sealing = stranger.sealSigningKeys();
      await expect(sealing).rejects.toBeInstanceOf(KeyringError);
      await expect(sealing).rejects.toThrow(
        new RegExp(`^cannot open signing key (${kids.join("|")}): sealed under the secret with key id `),
      );
      await expect(engineOn(stranger).ensureSigningKey()).rejects.toMatchObject({ code: "unknown_secret" });
      expect((await db.rows()).map((row) => row.kid).sort()).toEqual([...kids].sort());
    });

    it("reads keys sealed under an older secret listed second, and re-encrypts them all under the first", async () => {
      const before = await twoKeys(await db.open([OLD]));
      const rotated = await db.open([NEW, OLD]);
      expect(await rotated.signingKeys.list()).toEqual(before);
      // At start-up: instances still on the old secret alone must go on opening every key.
      expect(await rotated.sealSigningKeys()).toEqual({ sealed: 0, keys: 2 });
      expect(await (await db.open([OLD])).signingKeys.list()).toEqual(before);

      expect(await rotated.sealSigningKeys({ reencrypt: true })).toEqual({ sealed: 2, keys: 2 });
      expect(await rotated.sealSigningKeys({ reencrypt: true })).toEqual({ sealed: 0, keys: 2 });

      const newId = (await createKeyring([NEW])).sealing.id;
      for (const row of await db.rows()) expect(JSON.parse(row.dump).sealed.kek).toBe(newId);
      expect(await (await db.open([NEW])).signingKeys.list()).toEqual(before);
      await expect((await db.open([OLD])).signingKeys.list()).rejects.toMatchObject({
        code: "unknown_secret",
      });
    });

    it("seals keys stored in clear before this version, readable until then, once", async () => {
      const d = await insertClearRow(db);
      const storage = await db.open([NEW]);
      expect((await storage.signingKeys.findActive())?.privateJwk.d).toBe(d);

      expect(await storage.sealSigningKeys()).toEqual({ sealed: 1, keys: 1 });
      const [row] = await db.rows();
      expect(row?.dump).not.toContain(d);
      expect((await storage.signingKeys.findActive())?.privateJwk.d).toBe(d);

      expect(await storage.sealSigningKeys()).toEqual({ sealed: 0, keys: 1 });
      expect(await db.rows()).toEqual([row]);
    });

    it("lets concurrent start-ups seal each key once", async () => {
      await insertClearRow(db);
      const [a, b] = [await db.open([NEW]), await db.open([NEW])];
      const results = await Promise.all([a.sealSigningKeys(), b.sealSigningKeys(), a.migrate()]);
      expect(results[0].sealed + results[1].sealed).toBe(1);
    });

    it("refuses a sealed key copied onto another row", async () => {
      const [active, retired] = await twoKeys(await db.open([NEW]));
      await db.execute(
        "update signing_keys set private_jwk = (select private_jwk from signing_keys where kid = $1) where kid = $2",
        [String(retired?.kid), String(active?.kid)],
      );
      await expect((await db.open([NEW])).signingKeys.findActive()).rejects.toMatchObject({
        name: "KeyringError",
        code: "not_authentic",
        message: expect.stringMatching(new RegExp(`^cannot open signing key ${active?.kid}: `)),
      });
    });

    it("decrypts a key once, not on every read", async () => {
      await twoKeys(await db.open([NEW]));
      const storage = await db.open([NEW]);
      const decrypt = vi.spyOn(crypto.subtle, "decrypt");
      try {
        for (let i = 0; i < 5; i++) {
          await storage.signingKeys.findActive();
          await storage.signingKeys.list();
        }
        expect(decrypt).toHaveBeenCalledTimes(2);
      } finally {
        decrypt.mockRestore();
      }
    });

    it("refuses signing keys without a keyring, and keeps the rest working", async () => {
      const storage = await db.open(null);
      await expect(engineOn(storage).ensureSigningKey()).rejects.toThrow(
        "signing keys are sealed at rest: open the storage with a `keyring`",
      );
      await storage.migrate();
      expect(await db.rows()).toEqual([]);
    });
  });
}

describeSealedKeys("PGlite", pgliteDriver);

describe.runIf(hasPostgres)("PostgreSQL", () => {
  describeSealedKeys("PostgreSQL", postgresDriver);
});
