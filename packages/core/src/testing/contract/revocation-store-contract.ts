import { describe, expect, it } from "vitest";
import type { RevocationStore } from "../../ports/revocation-store.js";
import { FAR_FUTURE } from "./fixtures.js";

export function describeRevocationStoreContract(store: () => RevocationStore): void {
  describe("RevocationStore", () => {
    it("reports an unknown jti as not revoked", async () => {
      expect(await store().isRevoked("jti-1")).toBe(false);
    });

    it("reports a revoked jti as revoked and leaves others alone", async () => {
      await store().revoke("jti-1", FAR_FUTURE);
      expect(await store().isRevoked("jti-1")).toBe(true);
      expect(await store().isRevoked("jti-2")).toBe(false);
      expect(await store().isRevoked("JTI-1")).toBe(false);
    });

    it("accepts revoking the same jti twice", async () => {
      await store().revoke("jti-1", FAR_FUTURE);
      await expect(store().revoke("jti-1", FAR_FUTURE)).resolves.toBeUndefined();
      expect(await store().isRevoked("jti-1")).toBe(true);
    });

    it("accepts concurrent revocations of the same jti", async () => {
      await Promise.all(Array.from({ length: 10 }, () => store().revoke("jti-1", FAR_FUTURE)));
      expect(await store().isRevoked("jti-1")).toBe(true);
    });
  });
}
