import type { RefreshTokenRecord } from "../domain/refresh-token.js";
import type { RefreshTokenStore } from "../ports/refresh-token-store.js";

export function createMemoryRefreshTokenStore(): RefreshTokenStore {
  const byHash = new Map<string, RefreshTokenRecord>();

  return {
    async insert(record) {
      byHash.set(record.tokenHash, structuredClone(record));
    },

    async findByHash(tokenHash) {
      const record = byHash.get(tokenHash);
      return record === undefined ? null : structuredClone(record);
    },

    async rotate(tokenHash, successor, now) {
      const current = byHash.get(tokenHash);
      if (current === undefined || current.state !== "active") return false;
      if (current.expiresAt.getTime() <= now.getTime()) return false;
      byHash.set(tokenHash, { ...current, state: "rotated" });
      byHash.set(successor.tokenHash, structuredClone(successor));
      return true;
    },

    async revokeFamily(familyId) {
      for (const [tokenHash, record] of byHash) {
        if (record.familyId === familyId) byHash.set(tokenHash, { ...record, state: "revoked" });
      }
    },
  };
}
