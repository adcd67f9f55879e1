import type { AdminKey } from "../domain/admin-key.js";
import type { AdminKeyStore } from "../ports/admin-key-store.js";

export function createMemoryAdminKeyStore(): AdminKeyStore {
  const byId = new Map<string, AdminKey>();
  const find = (match: (key: AdminKey) => boolean) => {
    const key = [...byId.values()].find(match);
    return key === undefined ? null : structuredClone(key);
  };

  return {
    async insert(key) {
      if (byId.has(key.id) || find((other) => other.name === key.name) !== null) return "duplicate";
      byId.set(key.id, structuredClone(key));
      return "inserted";
    },
    async findByHash(keyHash) {
      return find((key) => key.keyHash === keyHash);
    },
    async findById(id) {
      return find((key) => key.id === id);
    },
    async list() {
      return [...byId.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((key) => structuredClone(key));
    },
    async delete(id) {
      return byId.delete(id);
    },
  };
}
