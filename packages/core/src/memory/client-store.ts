import type { Client } from "../domain/client.js";
import type { ClientStore } from "../ports/client-store.js";

export function createMemoryClientStore(): ClientStore {
  const byId = new Map<string, Client>();

  return {
    async findById(clientId) {
      const client = byId.get(clientId);
      return client === undefined ? null : structuredClone(client);
    },

    async list() {
      return [...byId.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((client) => structuredClone(client));
    },

    async insert(client) {
      if (byId.has(client.clientId)) return "duplicate";
      byId.set(client.clientId, structuredClone(client));
      return "inserted";
    },

    async update(client) {
      if (!byId.has(client.clientId)) return false;
      byId.set(client.clientId, structuredClone(client));
      return true;
    },

    async delete(clientId) {
      return byId.delete(clientId);
    },
  };
}
