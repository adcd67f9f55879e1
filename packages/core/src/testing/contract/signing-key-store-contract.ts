import { describe, expect, it } from "vitest";
import type { SigningKeyStore } from "../../ports/signing-key-store.js";
import { minutesFrom, NOW, signingKeyFixture } from "./fixtures.js";

export function describeSigningKeyStoreContract(store: () => SigningKeyStore): void {
  describe("SigningKeyStore", () => {
    it("has no active key and no keys at first", async () => {
      expect(await store().findActive()).toBeNull();
      expect(await store().list()).toEqual([]);
    });

    it("stores and returns the candidate of the first activation, with every field", async () => {
      const candidate = signingKeyFixture("kid-1");
      expect(await store().activateInitial(candidate)).toStrictEqual(candidate);
      expect(await store().findActive()).toStrictEqual(candidate);
      expect(await store().list()).toStrictEqual([candidate]);
    });

    it("returns the existing active key to a later activation and ignores its candidate", async () => {
      const first = signingKeyFixture("kid-1");
      await store().activateInitial(first);
      expect(await store().activateInitial(signingKeyFixture("kid-2", minutesFrom(NOW, 1)))).toStrictEqual(
        first,
      );
      expect(await store().findActive()).toStrictEqual(first);
      expect(await store().list()).toStrictEqual([first]);
    });

    it("resolves the same key to 10 concurrent first activations", async () => {
      const candidates = Array.from({ length: 10 }, (_, i) => signingKeyFixture(`kid-${i}`));
      const results = await Promise.all(candidates.map((candidate) => store().activateInitial(candidate)));
      const active = await store().findActive();
      expect(candidates).toContainEqual(active);
      for (const result of results) expect(result).toStrictEqual(active);
      expect(await store().list()).toStrictEqual([active]);
    });

    it("rotates: the next key becomes active and the old one is retired with publishUntil", async () => {
      const first = signingKeyFixture("kid-1");
      const next = signingKeyFixture("kid-2", minutesFrom(NOW, 60));
      const publishUntil = minutesFrom(NOW, 120);
      await store().activateInitial(first);

      await store().rotate(next, publishUntil);

      expect(await store().findActive()).toStrictEqual(next);
      expect(await store().list()).toStrictEqual([next, { ...first, status: "retired", publishUntil }]);
    });

    it("lists keys newest first through several rotations", async () => {
      const first = signingKeyFixture("kid-1");
      const second = signingKeyFixture("kid-2", minutesFrom(NOW, 60));
      const third = signingKeyFixture("kid-3", minutesFrom(NOW, 120));
      await store().activateInitial(first);
      await store().rotate(second, minutesFrom(NOW, 90));
      await store().rotate(third, minutesFrom(NOW, 150));

      expect(await store().findActive()).toStrictEqual(third);
      expect(await store().list()).toStrictEqual([
        third,
        { ...second, status: "retired", publishUntil: minutesFrom(NOW, 150) },
        { ...first, status: "retired", publishUntil: minutesFrom(NOW, 90) },
      ]);
    });

    it("leaves exactly one active key after concurrent rotations", async () => {
      await store().activateInitial(signingKeyFixture("kid-0"));
      const nexts = Array.from({ length: 5 }, (_, i) =>
        signingKeyFixture(`kid-${i + 1}`, minutesFrom(NOW, i + 1)),
      );

      await Promise.all(nexts.map((next) => store().rotate(next, minutesFrom(NOW, 60))));

      const keys = await store().list();
      const active = keys.filter((key) => key.status === "active");
      expect(active).toHaveLength(1);
      expect(nexts.map((next) => next.kid)).toContain(active[0]?.kid);
      expect((await store().findActive())?.kid).toBe(active[0]?.kid);
    });

    it("rotates from an expected key only while it is active: of concurrent rotations from it, one wins", async () => {
      await store().activateInitial(signingKeyFixture("kid-0"));
      const nexts = Array.from({ length: 5 }, (_, i) =>
        signingKeyFixture(`kid-${i + 1}`, minutesFrom(NOW, i + 1)),
      );
      const rotated = await Promise.all(
        nexts.map((next) => store().rotateFrom("kid-0", next, minutesFrom(NOW, 60))),
      );
      expect(rotated.filter(Boolean)).toHaveLength(1);
      const winner = nexts[rotated.indexOf(true)];
      const keys = await store().list();
      expect(keys.map((key) => [key.kid, key.status]).sort()).toEqual(
        [
          ["kid-0", "retired"],
          [winner?.kid, "active"],
        ].sort(),
      );
      expect(await store().rotateFrom("kid-0", signingKeyFixture("kid-9"), minutesFrom(NOW, 60))).toBe(false);
      expect((await store().findActive())?.kid).toBe(winner?.kid);
    });

    it("is not affected by later changes to the inserted or returned objects", async () => {
      const candidate = signingKeyFixture("kid-1");
      await store().activateInitial(candidate);
      candidate.createdAt.setTime(0);
      const found = await store().findActive();
      found?.createdAt.setTime(0);
      expect(await store().findActive()).toStrictEqual(signingKeyFixture("kid-1"));
    });
  });
}
