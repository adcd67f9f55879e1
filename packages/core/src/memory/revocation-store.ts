import type { RevocationStore } from "../ports/revocation-store.js";

export function createMemoryRevocationStore(): RevocationStore {
  // Never forgotten: past its `exp` a token is rejected anyway, so keeping the jti only costs memory, and
  // forgetting it would need a clock this adapter does not otherwise have.
  const revoked = new Set<string>();

  return {
    async revoke(jti) {
      revoked.add(jti);
    },

    async isRevoked(jti) {
      return revoked.has(jti);
    },
  };
}
