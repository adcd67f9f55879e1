import { describe, expect, it } from "vitest";
import type { AdminKey } from "../../domain/admin-key.js";
import type { AdminKeyStore } from "../../ports/admin-key-store.js";
import { minutesFrom, NOW } from "./fixtures.js";

function adminKey(n: number, overrides: Partial<AdminKey> = {}): AdminKey {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    name: `key-${n}`,
    keyHash: `hash-${n}-47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU`,
    createdAt: minutesFrom(NOW, n),
    ...overrides,
  };
}

export function describeAdminKeyStoreContract(store: () => AdminKeyStore): void {
  describe("AdminKeyStore", () => {
    it("finds an inserted key by its hash and by its id, with every field", async () => {
      expect(await store().insert(adminKey(1))).toBe("inserted");
      expect(await store().findByHash(adminKey(1).keyHash)).toEqual(adminKey(1));
      expect(await store().findById(adminKey(1).id)).toEqual(adminKey(1));
      expect(await store().findByHash(adminKey(2).keyHash)).toBeNull();
      expect(await store().findById(adminKey(2).id)).toBeNull();
    });

    it("refuses a second key with the same name", async () => {
      await store().insert(adminKey(1));
      expect(await store().insert(adminKey(2, { name: "key-1" }))).toBe("duplicate");
      expect(await store().list()).toEqual([adminKey(1)]);
    });

    it("lists keys by creation time", async () => {
      await store().insert(adminKey(3));
      await store().insert(adminKey(1));
      expect((await store().list()).map((key) => key.name)).toEqual(["key-1", "key-3"]);
    });

    it("forgets a deleted key at once, and says whether there was one", async () => {
      await store().insert(adminKey(1));
      expect(await store().delete(adminKey(1).id)).toBe(true);
      expect(await store().findByHash(adminKey(1).keyHash)).toBeNull();
      expect(await store().delete(adminKey(1).id)).toBe(false);
      expect(await store().list()).toEqual([]);
    });
  });
}
