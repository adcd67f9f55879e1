import { describe, expect, it } from "vitest";
import type { ReplayGuard } from "../../ports/replay-guard.js";
import { FAR_FUTURE } from "./fixtures.js";

export function describeReplayGuardContract(guard: () => ReplayGuard): void {
  describe("ReplayGuard", () => {
    const issuer = "https://idp.example.com";

    it("accepts the first claim of a pair and refuses the second", async () => {
      expect(await guard().claim(issuer, "jti-1", FAR_FUTURE)).toBe(true);
      expect(await guard().claim(issuer, "jti-1", FAR_FUTURE)).toBe(false);
    });

    it("refuses a repeated pair whatever expiry the repeat asks for", async () => {
      await guard().claim(issuer, "jti-1", FAR_FUTURE);
      expect(await guard().claim(issuer, "jti-1", new Date(FAR_FUTURE.getTime() + 60_000))).toBe(false);
    });

    it("keeps the same jti under two issuers independent", async () => {
      expect(await guard().claim(issuer, "jti-1", FAR_FUTURE)).toBe(true);
      expect(await guard().claim("https://other.example.com", "jti-1", FAR_FUTURE)).toBe(true);
      expect(await guard().claim(issuer, "jti-1", FAR_FUTURE)).toBe(false);
      expect(await guard().claim("https://other.example.com", "jti-1", FAR_FUTURE)).toBe(false);
    });

    it("tells whether a pair is claimed without claiming it", async () => {
      expect(await guard().isClaimed(issuer, "jti-read")).toBe(false);
      expect(await guard().isClaimed(issuer, "jti-read")).toBe(false);
      expect(await guard().claim(issuer, "jti-read", FAR_FUTURE)).toBe(true);
      expect(await guard().isClaimed(issuer, "jti-read")).toBe(true);
      expect(await guard().isClaimed("https://other.example.com", "jti-read")).toBe(false);
    });

    it("keeps different jtis of one issuer independent", async () => {
      expect(await guard().claim(issuer, "jti-1", FAR_FUTURE)).toBe(true);
      expect(await guard().claim(issuer, "jti-2", FAR_FUTURE)).toBe(true);
    });

    it("does not confuse pairs whose concatenations are equal", async () => {
      expect(await guard().claim("a:b", "c", FAR_FUTURE)).toBe(true);
      expect(await guard().claim("a", "b:c", FAR_FUTURE)).toBe(true);
    });

    it("lets exactly one of 50 concurrent claims of one pair succeed", async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, () => guard().claim(issuer, "jti-race", FAR_FUTURE)),
      );
      expect(results.filter((claimed) => claimed)).toHaveLength(1);
      expect(await guard().claim(issuer, "jti-race", FAR_FUTURE)).toBe(false);
    });

    it("accepts every one of 20 concurrent claims of distinct pairs", async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => guard().claim(issuer, `jti-${i}`, FAR_FUTURE)),
      );
      expect(results).toEqual(Array.from({ length: 20 }, () => true));
    });
  });
}
