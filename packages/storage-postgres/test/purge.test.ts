import type { RefreshTokenRecord } from "@jwtgrant/core";
import { describe, expect, it } from "vitest";
import { pgliteFactory } from "./support/test-databases.js";

const NOW = new Date("2026-06-01T00:00:00Z");
const past = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const future = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

function refreshRecord(tokenHash: string, expiresAt: Date): RefreshTokenRecord {
  return {
    tokenHash,
    familyId: "family",
    clientId: "client",
    subject: "svc",
    issuer: "https://idp.example.com",
    scope: [],
    resources: [],
    issuedAt: past(10_000),
    expiresAt,
    state: "active",
    rule: null,
    tokenSubject: "s",
    claims: {},
  };
}

describe("purgeExpired", () => {
  const factory = pgliteFactory();

  it("deletes expired rows in bounded batches and keeps the live ones", async () => {
    const storage = await factory.open();
    for (let i = 0; i < 5; i++) {
      await storage.replayGuard.claim("iss", `old-${i}`, past(1));
      await storage.refreshTokens.insert(refreshRecord(`old-${i}`, past(1)));
      await storage.revocations.revoke(`old-${i}`, past(1));
    }
    await storage.replayGuard.claim("iss", "live", future(60));
    await storage.refreshTokens.insert(refreshRecord("live", future(60)));
    await storage.revocations.revoke("live", future(60));
    storage.auditLog.record({
      at: past(91 * 86_400),
      grantType: "refresh_token",
      clientId: "client",
      issuer: null,
      subject: null,
      jti: null,
      actor: null,
      outcome: "refused",
      rule: null,
      reason: "refresh_token_unknown",
    });
    await storage.auditLog.recent(1);

    const purged = await storage.purgeExpired(NOW, { batchSize: 2 });
    expect(purged).toEqual({ usedAssertions: 5, refreshTokens: 5, revokedAccessTokens: 5, auditRecords: 1 });

    expect(await storage.replayGuard.claim("iss", "old-0", future(60))).toBe(true);
    expect(await storage.replayGuard.claim("iss", "live", future(60))).toBe(false);
    expect(await storage.refreshTokens.findByHash("old-0")).toBeNull();
    expect((await storage.refreshTokens.findByHash("live"))?.tokenHash).toBe("live");
    expect(await storage.revocations.isRevoked("old-0")).toBe(false);
    expect(await storage.revocations.isRevoked("live")).toBe(true);
    await storage.close();
  });

  it("purges rotated tokens with their sealed successors once expired, and keeps a live rotation whole", async () => {
    const storage = await factory.open();
    await storage.refreshTokens.insert(refreshRecord("spent-old", past(1)));
    await storage.refreshTokens.rotate(
      "spent-old",
      refreshRecord("next-old", future(60)),
      past(2),
      "sealed-old",
    );
    await storage.refreshTokens.insert(refreshRecord("spent-live", future(30)));
    await storage.refreshTokens.rotate(
      "spent-live",
      refreshRecord("next-live", future(60)),
      past(2),
      "sealed-live",
    );

    const purged = await storage.purgeExpired(NOW, { batchSize: 2 });

    expect(purged.refreshTokens).toBe(1);
    expect(await storage.refreshTokens.findByHash("spent-old")).toBeNull();
    expect((await storage.refreshTokens.findByHash("next-old"))?.state).toBe("active");
    expect((await storage.refreshTokens.findByHash("spent-live"))?.rotation).toStrictEqual({
      rotatedAt: past(2),
      successorHash: "next-live",
      sealedSuccessor: "sealed-live",
    });
    await storage.close();
  });
});
