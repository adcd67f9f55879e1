import type { SigningKey } from "../domain/signing-key.js";
import type { SigningKeyStore } from "../ports/signing-key-store.js";

export function createMemorySigningKeyStore(): SigningKeyStore {
  const byKid = new Map<string, SigningKey>();

  const storedActive = (): SigningKey | undefined =>
    [...byKid.values()].find((key) => key.status === "active");

  // The status is forced so that a caller handing in a `retired` key cannot leave the store with no active key.
  const storeAsActive = (key: SigningKey): SigningKey => {
    const stored: SigningKey = { ...structuredClone(key), status: "active" };
    byKid.set(stored.kid, stored);
    return stored;
  };

  function rotate(next: SigningKey, retiredPublishUntil: Date): void {
    for (const [kid, key] of byKid) {
      if (key.status === "active") {
        byKid.set(kid, {
          ...key,
          status: "retired",
          publishUntil: new Date(retiredPublishUntil.getTime()),
        });
      }
    }
    storeAsActive(next);
  }

  return {
    async findActive() {
      const active = storedActive();
      return active === undefined ? null : structuredClone(active);
    },

    async list() {
      // Reversed first so that, of keys created in the same millisecond, the later insert still lists first.
      return [...byKid.values()]
        .reverse()
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map((key) => structuredClone(key));
    },

    async activateInitial(candidate) {
      return structuredClone(storedActive() ?? storeAsActive(candidate));
    },

    async rotateFrom(expectedActiveKid, next, retiredPublishUntil) {
      if (storedActive()?.kid !== expectedActiveKid) return false;
      rotate(next, retiredPublishUntil);
      return true;
    },

    async rotate(next, retiredPublishUntil) {
      rotate(next, retiredPublishUntil);
    },
  };
}
