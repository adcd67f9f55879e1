import { describe, expect, it } from "vitest";
import type { RefreshTokenStore } from "../../ports/refresh-token-store.js";
import { minutesFrom, NOW, refreshTokenFixture } from "./fixtures.js";

export function describeRefreshTokenStoreContract(store: () => RefreshTokenStore): void {
  describe("RefreshTokenStore", () => {
    const original = () => refreshTokenFixture();
    const successor = (tokenHash = "hash-2") =>
      refreshTokenFixture({ tokenHash, issuedAt: new Date(NOW), expiresAt: minutesFrom(NOW, 60 * 48) });

    it("finds nothing for an unknown hash", async () => {
      expect(await store().findByHash("hash-unknown")).toBeNull();
    });

    it("round-trips every field of a record", async () => {
      const record = original();
      await store().insert(record);
      expect(await store().findByHash(record.tokenHash)).toStrictEqual(record);
    });

    it("keeps records apart by hash", async () => {
      const other = refreshTokenFixture({ tokenHash: "hash-other", familyId: "family-2", subject: "bob" });
      await store().insert(original());
      await store().insert(other);
      expect(await store().findByHash("hash-1")).toStrictEqual(original());
      expect(await store().findByHash("hash-other")).toStrictEqual(other);
    });

    it("rotates an active token: the old one becomes rotated and the successor is stored", async () => {
      await store().insert(original());
      expect(await store().rotate("hash-1", successor(), NOW)).toBe(true);
      expect(await store().findByHash("hash-1")).toStrictEqual({ ...original(), state: "rotated" });
      expect(await store().findByHash("hash-2")).toStrictEqual(successor());
    });

    it("refuses a second rotation of the same token and inserts nothing", async () => {
      await store().insert(original());
      await store().rotate("hash-1", successor(), NOW);
      expect(await store().rotate("hash-1", successor("hash-3"), NOW)).toBe(false);
      expect(await store().findByHash("hash-3")).toBeNull();
      expect(await store().findByHash("hash-1")).toStrictEqual({ ...original(), state: "rotated" });
      expect(await store().findByHash("hash-2")).toStrictEqual(successor());
    });

    it("rotates the successor in its turn", async () => {
      await store().insert(original());
      await store().rotate("hash-1", successor(), NOW);
      expect(await store().rotate("hash-2", successor("hash-3"), minutesFrom(NOW, 1))).toBe(true);
      expect(await store().findByHash("hash-2")).toStrictEqual({ ...successor(), state: "rotated" });
      expect(await store().findByHash("hash-3")).toStrictEqual(successor("hash-3"));
    });

    it("refuses to rotate an unknown token and inserts nothing", async () => {
      expect(await store().rotate("hash-unknown", successor(), NOW)).toBe(false);
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("refuses to rotate an expired token and leaves it as it was", async () => {
      const expired = refreshTokenFixture({ expiresAt: minutesFrom(NOW, -1) });
      await store().insert(expired);
      expect(await store().rotate("hash-1", successor(), NOW)).toBe(false);
      expect(await store().findByHash("hash-1")).toStrictEqual(expired);
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("judges expiry by the given instant, not by the wall clock", async () => {
      await store().insert(original());
      expect(await store().rotate("hash-1", successor(), minutesFrom(NOW, 60 * 24 + 1))).toBe(false);
      expect(await store().rotate("hash-1", successor(), minutesFrom(NOW, 60 * 24 - 1))).toBe(true);
    });

    it("refuses to rotate a revoked token and inserts nothing", async () => {
      const revoked = refreshTokenFixture({ state: "revoked" });
      await store().insert(revoked);
      expect(await store().rotate("hash-1", successor(), NOW)).toBe(false);
      expect(await store().findByHash("hash-1")).toStrictEqual(revoked);
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("lets exactly one of 20 concurrent rotations succeed and stores only its successor", async () => {
      await store().insert(original());
      const successors = Array.from({ length: 20 }, (_, i) => successor(`hash-next-${i}`));
      const results = await Promise.all(successors.map((next) => store().rotate("hash-1", next, NOW)));
      expect(results.filter((rotated) => rotated)).toHaveLength(1);
      const stored = await Promise.all(successors.map((next) => store().findByHash(next.tokenHash)));
      const winner = results.indexOf(true);
      expect(stored.filter((record) => record !== null)).toHaveLength(1);
      expect(stored[winner]).toStrictEqual(successors[winner]);
      expect(await store().findByHash("hash-1")).toStrictEqual({ ...original(), state: "rotated" });
    });

    it("revokes every member of a family and leaves other families alone", async () => {
      const stranger = refreshTokenFixture({ tokenHash: "hash-stranger", familyId: "family-2" });
      await store().insert(original());
      await store().insert(stranger);
      await store().rotate("hash-1", successor(), NOW);
      await store().rotate("hash-2", successor("hash-3"), NOW);

      await store().revokeFamily("family-1");

      for (const tokenHash of ["hash-1", "hash-2", "hash-3"]) {
        expect((await store().findByHash(tokenHash))?.state).toBe("revoked");
      }
      expect(await store().findByHash("hash-3")).toStrictEqual({ ...successor("hash-3"), state: "revoked" });
      expect(await store().findByHash("hash-stranger")).toStrictEqual(stranger);
      expect(await store().rotate("hash-3", successor("hash-4"), NOW)).toBe(false);
      expect(await store().findByHash("hash-4")).toBeNull();
    });

    it("revokes a family idempotently, and an unknown family without complaint", async () => {
      await store().insert(original());
      await store().revokeFamily("family-1");
      await expect(store().revokeFamily("family-1")).resolves.toBeUndefined();
      await expect(store().revokeFamily("family-unknown")).resolves.toBeUndefined();
      expect(await store().findByHash("hash-1")).toStrictEqual({ ...original(), state: "revoked" });
    });

    it("is not affected by later changes to the inserted or returned objects", async () => {
      const scope = ["read"];
      const record = refreshTokenFixture({ scope });
      await store().insert(record);
      scope.push("admin");
      record.expiresAt.setTime(0);
      const found = await store().findByHash("hash-1");
      found?.issuedAt.setTime(0);
      expect(await store().findByHash("hash-1")).toStrictEqual(refreshTokenFixture({ scope: ["read"] }));
    });
  });
}
