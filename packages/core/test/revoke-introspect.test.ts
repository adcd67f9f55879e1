import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP, SERVER } from "./support/harness.js";

describe("introspection (RFC 7662)", () => {
  it("describes an active access token", async () => {
    const h = await createHarness();
    const { accessToken } = await h.exchange(await h.sign(), "read");
    const result = await h.engine.introspectToken({ client: h.client, token: accessToken });
    expect(result).toMatchObject({
      active: true,
      tokenType: "Bearer",
      clientId: h.client.clientId,
      sub: "svc-a",
      scope: "read",
      iss: SERVER,
      aud: SERVER,
      assertionIssuer: IDP,
    });
  });

  it("lets another authenticated client (a resource server) introspect an access token", async () => {
    const h = await createHarness();
    const { accessToken } = await h.exchange(await h.sign());
    const { client: rs } = await h.engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "resource server" });
    await expect(h.engine.introspectToken({ client: rs, token: accessToken })).resolves.toMatchObject({
      active: true,
    });
  });

  it("reports expired, forged and unknown tokens as inactive", async () => {
    const h = await createHarness();
    const { accessToken } = await h.exchange(await h.sign());
    const [head, payload] = accessToken.split(".");
    for (const token of [`${head}.${payload}.AAAA`, "garbage", "jgrt_unknown"]) {
      await expect(h.engine.introspectToken({ client: h.client, token })).resolves.toEqual({ active: false });
    }
    h.clock.advance(3600);
    await expect(h.engine.introspectToken({ client: h.client, token: accessToken })).resolves.toEqual({
      active: false,
    });
  });

  it("describes a refresh token to its own client only", async () => {
    const h = await createHarness();
    const { refreshToken } = await h.exchange(await h.sign());
    const described = await h.engine.introspectToken({ client: h.client, token: refreshToken });
    expect(described).toMatchObject({ active: true, clientId: h.client.clientId, sub: "svc-a" });
    // RFC 7662 token_type is an RFC 6749 §5.1 type, which a refresh token does not have.
    expect(described).not.toHaveProperty("tokenType");
    const { client: other } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    });
    await expect(h.engine.introspectToken({ client: other, token: refreshToken })).resolves.toEqual({
      active: false,
    });
  });

  it("refuses a public client, even for its own token, with invalid_client (RFC 7662 §4)", async () => {
    const h = await createHarness({ client: { tokenEndpointAuthMethod: "none" } });
    expect(h.client.authMethod).toBe("none");
    const { accessToken } = await h.exchange(await h.sign());
    for (const token of [accessToken, "garbage", undefined]) {
      await expectOAuthError(
        h.engine.introspectToken({ client: h.client, token }),
        "invalid_client",
        "client_not_confidential",
      );
    }
    const { client: rs } = await h.engine.clients.create(BOOTSTRAP_ADMIN, { clientName: "resource server" });
    await expect(h.engine.introspectToken({ client: rs, token: accessToken })).resolves.toMatchObject({
      active: true,
      clientId: h.client.clientId,
    });
  });

  it("requires the token parameter", async () => {
    const h = await createHarness();
    await expectOAuthError(
      h.engine.introspectToken({ client: h.client, token: undefined }),
      "invalid_request",
    );
  });
});

describe("revocation (RFC 7009)", () => {
  it("revokes an access token until its expiry", async () => {
    const h = await createHarness();
    const { accessToken } = await h.exchange(await h.sign());
    await h.engine.revokeToken({ client: h.client, token: accessToken });
    await expect(h.engine.introspectToken({ client: h.client, token: accessToken })).resolves.toEqual({
      active: false,
    });
  });

  it("revokes a refresh token and its whole family", async () => {
    const h = await createHarness();
    const { refreshToken } = await h.exchange(await h.sign());
    const rotated = await h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined });
    await h.engine.revokeToken({ client: h.client, token: rotated.refreshToken });
    await expectOAuthError(
      h.engine.exchangeRefreshToken({
        client: h.client,
        refreshToken: rotated.refreshToken,
        scope: undefined,
      }),
      "invalid_grant",
      "refresh_token_revoked",
    );
  });

  it("answers success and changes nothing for another client's or an unknown token", async () => {
    const h = await createHarness();
    const { accessToken, refreshToken } = await h.exchange(await h.sign());
    const { client: other } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {});
    for (const token of [accessToken, refreshToken, "unknown", "jgrt_unknown"]) {
      await expect(h.engine.revokeToken({ client: other, token })).resolves.toBeUndefined();
    }
    await expect(h.engine.introspectToken({ client: h.client, token: accessToken })).resolves.toMatchObject({
      active: true,
    });
    await h.expectIssued(h.engine.exchangeRefreshToken({ client: h.client, refreshToken, scope: undefined }));
  });
});
