import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { TrustedIssuerStore } from "../ports/trusted-issuer-store.js";

export function createMemoryTrustedIssuerStore(): TrustedIssuerStore {
  const byId = new Map<string, TrustedIssuer>();

  const storedByIssuer = (issuer: string): TrustedIssuer | undefined =>
    [...byId.values()].find((record) => record.issuer === issuer);

  return {
    async findByIssuer(issuer) {
      const record = storedByIssuer(issuer);
      return record === undefined ? null : structuredClone(record);
    },

    async findById(id) {
      const record = byId.get(id);
      return record === undefined ? null : structuredClone(record);
    },

    async list() {
      return [...byId.values()]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .map((record) => structuredClone(record));
    },

    async insert(issuer) {
      if (byId.has(issuer.id) || storedByIssuer(issuer.issuer) !== undefined) return "duplicate";
      byId.set(issuer.id, structuredClone(issuer));
      return "inserted";
    },

    async update(issuer) {
      if (!byId.has(issuer.id)) return "not_found";
      const holder = storedByIssuer(issuer.issuer);
      if (holder !== undefined && holder.id !== issuer.id) return "duplicate";
      byId.set(issuer.id, structuredClone(issuer));
      return "updated";
    },

    async delete(id) {
      return byId.delete(id);
    },
  };
}
