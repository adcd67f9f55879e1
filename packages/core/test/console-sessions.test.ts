import { describe, expect, it } from "vitest";
import { createHarness } from "./support/harness.js";

describe("console sessions", () => {
  it("ends a session for every engine sharing the storage", async () => {
    const h = await createHarness();
    expect(await h.engine.consoleSessions.isEnded("s1")).toBe(false);
    await h.engine.consoleSessions.end("s1", new Date(h.clock.now().getTime() + 3600_000));
    expect(await h.engine.consoleSessions.isEnded("s1")).toBe(true);
    expect(await h.engine.consoleSessions.isEnded("s2")).toBe(false);
  });

  it("keeps ended sessions and revoked access tokens apart", async () => {
    const h = await createHarness();
    const { accessToken } = await h.exchange(await h.sign());
    const jti = String(JSON.parse(atob(accessToken.split(".")[1] ?? "")).jti);
    await h.engine.revokeToken({ client: h.client, token: accessToken });
    expect(await h.storage.revocations.isRevoked(jti)).toBe(true);
    expect(await h.engine.consoleSessions.isEnded(jti)).toBe(false);
    await h.engine.consoleSessions.end("other", new Date(h.clock.now().getTime() + 60_000));
    expect(await h.storage.revocations.isRevoked("other")).toBe(false);
  });
});
