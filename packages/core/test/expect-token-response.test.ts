import { describe, expect, it } from "vitest";
import { createHarness } from "./support/harness.js";

describe("expectTokenResponse (test helper)", () => {
  it("accepts a real grant, in the engine's form and in the token endpoint's JSON form", async () => {
    const h = await createHarness();
    const response = await h.exchange(await h.sign());
    const checked = await h.expectIssued(response);
    expect(checked.claims.sub).toBe("svc-a");
    await h.expectIssued({
      access_token: response.accessToken,
      token_type: "Bearer",
      expires_in: response.expiresIn,
      scope: response.scope,
      refresh_token: response.refreshToken,
    });
  });

  it("fails on a missing or unexpected refresh token, an extra member, or a wrong claim", async () => {
    const h = await createHarness();
    const response = await h.exchange(await h.sign());
    await expect(h.expectIssued(response, { refreshToken: false })).rejects.toThrow();
    await expect(h.expectIssued({ ...response, refreshToken: undefined })).rejects.toThrow();
    await expect(h.expectIssued({ ...response, extra: 1 })).rejects.toThrow();
    await expect(h.expectIssued({ ...response, tokenType: "bearer" })).rejects.toThrow();
    await expect(h.expectIssued(response, { scope: "read" })).rejects.toThrow();
    await expect(h.expectIssued(response, { subject: "svc-b" })).rejects.toThrow();
    await expect(h.expectIssued(response, { assertionIssuer: "https://other.example" })).rejects.toThrow();
    await expect(h.expectIssued(response, { expiresInSeconds: 60 })).rejects.toThrow();
  });

  it("fails on an access token that does not verify against the given keys", async () => {
    const h = await createHarness();
    const other = await createHarness();
    await other.exchange(await other.sign());
    const response = await h.exchange(await h.sign());
    await expect(h.expectIssued(response, { jwks: await other.engine.publishJwks() })).rejects.toThrow();
  });
});
