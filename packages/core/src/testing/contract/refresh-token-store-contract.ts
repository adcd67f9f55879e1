import { describe, expect, it } from "vitest";
import type {
  RefreshTokenRecord,
  RefreshTokenRotation,
  StoredRefreshToken,
} from "../../domain/refresh-token.js";
import type { RefreshTokenStore } from "../../ports/refresh-token-store.js";
import { minutesFrom, NOW, refreshTokenFixture } from "./fixtures.js";

/** A record as `findByHash` reads it back, with its rotation if it has one. */
const stored = (
  record: RefreshTokenRecord,
  rotation: RefreshTokenRotation | null = null,
): StoredRefreshToken => ({
  ...record,
  rotation,
});

export function describeRefreshTokenStoreContract(store: () => RefreshTokenStore): void {
  describe("RefreshTokenStore", () => {
    const original = () => refreshTokenFixture();
    const successor = (tokenHash = "hash-2") =>
      refreshTokenFixture({ tokenHash, issuedAt: new Date(NOW), expiresAt: minutesFrom(NOW, 60 * 48) });
    /** `record` after a rotation into `successorHash` at `rotatedAt`. */
    const rotated = (
      record: RefreshTokenRecord,
      successorHash: string,
      rotatedAt: Date = NOW,
      sealedSuccessor: string | null = null,
    ) =>
      stored(
        { ...record, state: "rotated" },
        { rotatedAt: new Date(rotatedAt), successorHash, sealedSuccessor },
      );

    it("finds nothing for an unknown hash", async () => {
      expect(await store().findByHash("hash-unknown")).toBeNull();
    });

    it("round-trips every field of a record, which reads back without a rotation", async () => {
      const record = original();
      await store().insert(record);
      expect(await store().findByHash(record.tokenHash)).toStrictEqual(stored(record));
    });

    it("keeps records apart by hash", async () => {
      const other = refreshTokenFixture({ tokenHash: "hash-other", familyId: "family-2", subject: "bob" });
      await store().insert(original());
      await store().insert(other);
      expect(await store().findByHash("hash-1")).toStrictEqual(stored(original()));
      expect(await store().findByHash("hash-other")).toStrictEqual(stored(other));
    });

    it("rotates an active token: the old one becomes rotated and the successor is stored", async () => {
      await store().insert(original());
      expect(await store().rotate("hash-1", successor(), NOW, null)).toBe(true);
      expect(await store().findByHash("hash-1")).toStrictEqual(rotated(original(), "hash-2"));
      expect(await store().findByHash("hash-2")).toStrictEqual(stored(successor()));
    });

    it("keeps the sealed successor with the rotated token, and only there", async () => {
      await store().insert(original());
      const at = minutesFrom(NOW, 2);
      expect(await store().rotate("hash-1", successor(), at, "sealed-successor-2")).toBe(true);
      expect(await store().findByHash("hash-1")).toStrictEqual(
        rotated(original(), "hash-2", at, "sealed-successor-2"),
      );
      expect(await store().findByHash("hash-2")).toStrictEqual(stored(successor()));
    });

    it("refuses a second rotation of the same token and inserts nothing", async () => {
      await store().insert(original());
      await store().rotate("hash-1", successor(), NOW, "sealed-2");
      expect(await store().rotate("hash-1", successor("hash-3"), minutesFrom(NOW, 1), "sealed-3")).toBe(
        false,
      );
      expect(await store().findByHash("hash-3")).toBeNull();
      expect(await store().findByHash("hash-1")).toStrictEqual(
        rotated(original(), "hash-2", NOW, "sealed-2"),
      );
      expect(await store().findByHash("hash-2")).toStrictEqual(stored(successor()));
    });

    it("rotates the successor in its turn", async () => {
      await store().insert(original());
      await store().rotate("hash-1", successor(), NOW, null);
      expect(await store().rotate("hash-2", successor("hash-3"), minutesFrom(NOW, 1), null)).toBe(true);
      expect(await store().findByHash("hash-2")).toStrictEqual(
        rotated(successor(), "hash-3", minutesFrom(NOW, 1)),
      );
      expect(await store().findByHash("hash-3")).toStrictEqual(stored(successor("hash-3")));
    });

    it("refuses to rotate an unknown token and inserts nothing", async () => {
      expect(await store().rotate("hash-unknown", successor(), NOW, "sealed")).toBe(false);
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("refuses to rotate an expired token and leaves it as it was", async () => {
      const expired = refreshTokenFixture({ expiresAt: minutesFrom(NOW, -1) });
      await store().insert(expired);
      expect(await store().rotate("hash-1", successor(), NOW, "sealed")).toBe(false);
      expect(await store().findByHash("hash-1")).toStrictEqual(stored(expired));
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("judges expiry by the given instant, not by the wall clock", async () => {
      await store().insert(original());
      expect(await store().rotate("hash-1", successor(), minutesFrom(NOW, 60 * 24 + 1), null)).toBe(false);
      expect(await store().rotate("hash-1", successor(), minutesFrom(NOW, 60 * 24 - 1), null)).toBe(true);
    });

    it("refuses to rotate a revoked token and inserts nothing", async () => {
      const revoked = refreshTokenFixture({ state: "revoked" });
      await store().insert(revoked);
      expect(await store().rotate("hash-1", successor(), NOW, "sealed")).toBe(false);
      expect(await store().findByHash("hash-1")).toStrictEqual(stored(revoked));
      expect(await store().findByHash("hash-2")).toBeNull();
    });

    it("lets exactly one of 20 concurrent rotations succeed and stores only its successor", async () => {
      await store().insert(original());
      const successors = Array.from({ length: 20 }, (_, i) => successor(`hash-next-${i}`));
      const results = await Promise.all(
        successors.map((next, i) => store().rotate("hash-1", next, NOW, `sealed-${i}`)),
      );
      expect(results.filter((won) => won)).toHaveLength(1);
      const found = await Promise.all(successors.map((next) => store().findByHash(next.tokenHash)));
      const winner = results.indexOf(true);
      expect(found.filter((record) => record !== null)).toHaveLength(1);
      expect(found[winner]).toStrictEqual(stored(successors[winner] ?? original()));
      expect(await store().findByHash("hash-1")).toStrictEqual(
        rotated(original(), `hash-next-${winner}`, NOW, `sealed-${winner}`),
      );
    });

    it("shows every loser of a race the winner's rotation and successor as soon as it has lost", async () => {
      await store().insert(original());
      const attempts = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const won = await store().rotate("hash-1", successor(`hash-next-${i}`), NOW, `sealed-${i}`);
          const spent = await store().findByHash("hash-1");
          const next = spent?.rotation ? await store().findByHash(spent.rotation.successorHash) : null;
          return { won, spent, next };
        }),
      );
      const winner = attempts.findIndex((attempt) => attempt.won);
      expect(winner).toBeGreaterThanOrEqual(0);
      for (const { spent, next } of attempts) {
        expect(spent).toStrictEqual(rotated(original(), `hash-next-${winner}`, NOW, `sealed-${winner}`));
        expect(next).toStrictEqual(stored(successor(`hash-next-${winner}`)));
      }
    });

    it("revokes every member of a family and leaves other families alone", async () => {
      const stranger = refreshTokenFixture({ tokenHash: "hash-stranger", familyId: "family-2" });
      await store().insert(original());
      await store().insert(stranger);
      await store().rotate("hash-1", successor(), NOW, null);
      await store().rotate("hash-2", successor("hash-3"), NOW, null);

      await store().revokeFamily("family-1");

      for (const tokenHash of ["hash-1", "hash-2", "hash-3"]) {
        expect((await store().findByHash(tokenHash))?.state).toBe("revoked");
      }
      expect(await store().findByHash("hash-3")).toStrictEqual(
        stored({ ...successor("hash-3"), state: "revoked" }),
      );
      expect(await store().findByHash("hash-stranger")).toStrictEqual(stored(stranger));
      expect(await store().rotate("hash-3", successor("hash-4"), NOW, null)).toBe(false);
      expect(await store().findByHash("hash-4")).toBeNull();
    });

    it("revokes a family idempotently, and an unknown family without complaint", async () => {
      await store().insert(original());
      await store().revokeFamily("family-1");
      await expect(store().revokeFamily("family-1")).resolves.toBeUndefined();
      await expect(store().revokeFamily("family-unknown")).resolves.toBeUndefined();
      expect(await store().findByHash("hash-1")).toStrictEqual(stored({ ...original(), state: "revoked" }));
    });

    it("is not affected by later changes to the inserted or returned objects", async () => {
      const scope = ["read"];
      const record = refreshTokenFixture({ scope });
      await store().insert(record);
      scope.push("admin");
      record.expiresAt.setTime(0);
      const found = await store().findByHash("hash-1");
      found?.issuedAt.setTime(0);
      expect(await store().findByHash("hash-1")).toStrictEqual(
        stored(refreshTokenFixture({ scope: ["read"] })),
      );
    });

    it("is not affected by later changes to the rotation instant or a returned rotation", async () => {
      await store().insert(original());
      const at = new Date(NOW);
      await store().rotate("hash-1", successor(), at, "sealed-2");
      at.setTime(0);
      const found = await store().findByHash("hash-1");
      found?.rotation?.rotatedAt.setTime(0);
      expect(await store().findByHash("hash-1")).toStrictEqual(
        rotated(original(), "hash-2", NOW, "sealed-2"),
      );
    });
  });
}
