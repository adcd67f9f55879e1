import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT } from "../src/domain/client.js";
import { REFRESH_TOKEN_PREFIX } from "../src/tokens/refresh-token-value.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, type Harness } from "./support/harness.js";

async function initialRefreshToken(h: Harness, scope?: string): Promise<string> {
  const response = await h.exchange(await h.sign(), scope);
  if (response.refreshToken === undefined) throw new Error("no refresh token issued");
  return response.refreshToken;
}

const refresh = (h: Harness, refreshToken: string | undefined, scope?: string) =>
  h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope });

describe("refresh_token grant", () => {
  it("issues an opaque, prefixed refresh token of at least 256 bits", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    expect(token.startsWith(REFRESH_TOKEN_PREFIX)).toBe(true);
    expect(token.length - REFRESH_TOKEN_PREFIX.length).toBeGreaterThanOrEqual(43);
  });

  it("stores only the hash of the refresh token", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    expect(await h.storage.refreshTokens.findByHash(token)).toBeNull();
  });

  it("rotates: a new access and refresh token, the old refresh token spent", async () => {
    const h = await createHarness();
    const first = await initialRefreshToken(h);
    const second = await refresh(h, first);
    const { refreshToken } = await h.expectIssued(second);
    expect(refreshToken).not.toBe(first);
    await h.expectIssued(refresh(h, refreshToken));
  });

  it("revokes the whole family when a rotated token is used again", async () => {
    const h = await createHarness();
    const first = await initialRefreshToken(h);
    const second = await refresh(h, first);
    await expectOAuthError(refresh(h, first), "invalid_grant", "refresh_token_reused");
    await expectOAuthError(refresh(h, second.refreshToken), "invalid_grant", "refresh_token_revoked");
  });

  it("lets exactly one of concurrent rotations win", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => refresh(h, token)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses refresh once the issuer is disabled", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { enabled: false });
    await expectOAuthError(refresh(h, token), "invalid_grant", "issuer_not_trusted");
  });

  it("refuses refresh once the issuer is removed", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    await h.engine.issuers.delete(BOOTSTRAP_ADMIN, h.issuer.id);
    await expectOAuthError(refresh(h, token), "invalid_grant", "issuer_not_trusted");
  });

  it("refuses refresh once the subject is no longer allowed", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { subjects: ["someone-else"] });
    await expectOAuthError(refresh(h, token), "invalid_grant", "subject_not_allowed");
  });

  it("refuses an expired refresh token", async () => {
    const h = await createHarness({ client: { refreshTokenTtl: 600 } });
    const token = await initialRefreshToken(h);
    h.clock.advance(600);
    await expectOAuthError(refresh(h, token), "invalid_grant", "refresh_token_expired");
  });

  it("refuses another client's refresh token", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    const { client: other } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [JWT_BEARER_GRANT, "refresh_token"],
    });
    await expectOAuthError(
      h.engine.exchangeRefreshToken({ client: other, refreshToken: token, scope: undefined }),
      "invalid_grant",
      "refresh_token_unknown",
    );
    await h.expectIssued(refresh(h, token));
  });

  it("narrows scope on request and refuses widening", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h, "read");
    await expectOAuthError(refresh(h, token, "read write"), "invalid_scope");
    const narrowed = await refresh(h, token, "read");
    expect(narrowed.scope).toBe("read");
  });

  it("follows a reduction of the client's scope", async () => {
    const h = await createHarness();
    const token = await initialRefreshToken(h);
    await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, { scope: "read" });
    const client = await h.engine.clients.get(h.client.clientId);
    const response = await h.engine.exchangeRefreshToken({ client, refreshToken: token, scope: undefined });
    expect(response.scope).toBe("read");
  });

  it("requires the refresh_token grant and the parameter", async () => {
    const h = await createHarness({ client: { grantTypes: [JWT_BEARER_GRANT] } });
    await expectOAuthError(refresh(h, "jgrt_x"), "unauthorized_client");
    const g = await createHarness();
    await expectOAuthError(refresh(g, undefined), "invalid_request", "refresh_token_missing");
    await expectOAuthError(refresh(g, "jgrt_unknown"), "invalid_grant", "refresh_token_unknown");
  });
});
