import type { StoredRefreshToken } from "../domain/refresh-token.js";
import type { RefreshTokenStore } from "../ports/refresh-token-store.js";

export function createMemoryRefreshTokenStore(): RefreshTokenStore {
  const byHash = new Map<string, StoredRefreshToken>();

  return {
    async insert(record) {
      byHash.set(record.tokenHash, { ...structuredClone(record), rotation: null });
    },

    async findByHash(tokenHash) {
      const record = byHash.get(tokenHash);
      return record === undefined ? null : structuredClone(record);
    },

    async rotate(tokenHash, successor, now, sealedSuccessor) {
      const current = byHash.get(tokenHash);
      if (current === undefined || current.state !== "active") return false;
      if (current.expiresAt.getTime() <= now.getTime()) return false;
      const rotation = { rotatedAt: new Date(now), successorHash: successor.tokenHash, sealedSuccessor };
      byHash.set(tokenHash, { ...current, state: "rotated", rotation });
      byHash.set(successor.tokenHash, { ...structuredClone(successor), rotation: null });
      return true;
    },

    async revokeFamily(familyId) {
      for (const [tokenHash, record] of byHash) {
        if (record.familyId === familyId) byHash.set(tokenHash, { ...record, state: "revoked" });
      }
    },
  };
}
