import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
import type { TokenResponse } from "../src/domain/token-response.js";
import type { RefusalReason } from "../src/errors/refusal-reason.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, type Harness, SERVER, TOKEN_ENDPOINT } from "./support/harness.js";

const IDP = "https://acme.idp.example";
const MCP = "https://acme.chat.example/api";
const OTHER = "https://acme.chat.example/admin";
const ID_JAG = { typ: "oauth-id-jag+jwt" };

/** A confidential client allowed two resources, and an IdP whose ID-JAGs it redeems. */
async function createIdJagHarness(options: { resources?: string[]; reuse?: boolean } = {}) {
  return createHarness({
    issuer: {
      issuer: IDP,
      scope: "chat.read chat.history chat.write",
      ...(options.reuse ? { assertionReuse: "allowed" } : {}),
    },
    client: {
      grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
      scope: "chat.read chat.history chat.write",
      resources: options.resources ?? [MCP, OTHER],
    },
  });
}

/** The claims of the draft's example ID-JAG, aimed at this server and issued to the harness client. */
function idJagClaims(h: Harness, overrides: Record<string, unknown> = {}) {
  const now = h.clock.nowSeconds();
  return h.claims({
    iss: IDP,
    sub: "U019488227",
    aud: SERVER,
    client_id: h.client.clientId,
    exp: now + 300,
    iat: now,
    resource: MCP,
    scope: "chat.read chat.history",
    auth_time: now - 60,
    amr: ["mfa", "phrh", "hwk", "user"],
    ...overrides,
  });
}

const redeem = async (h: Harness, claims: Record<string, unknown>, parameters = {}) =>
  h.engine.exchangeJwtBearer({
    client: h.client,
    assertion: await h.sign(claims, ID_JAG),
    scope: undefined,
    ...parameters,
  });

/** Asserts the grant of the draft's example ID-JAG, unless `expected` says otherwise. */
const expectRedeemed = (h: Harness, response: Promise<TokenResponse>, expected = {}) =>
  h.expectIssued(response, {
    subject: "U019488227",
    assertionIssuer: IDP,
    scope: "chat.read chat.history",
    audience: MCP,
    resource: MCP,
    refreshToken: false,
    ...expected,
  });

/** Asserts that the ID-JAG with these claims is refused as `invalid_grant` for `reason`. */
const expectRefused = async (h: Harness, overrides: Record<string, unknown>, reason: RefusalReason) =>
  expectOAuthError(redeem(h, idJagClaims(h, overrides)), "invalid_grant", reason);

describe("an ID-JAG at the jwt-bearer grant", () => {
  it("redeems the draft's example: its resource becomes the audience, its scope the grant's, no refresh token", async () => {
    const h = await createIdJagHarness();
    await expectRedeemed(h, redeem(h, idJagClaims(h)));
    const [entry] = await h.storage.auditLog.recent(1);
    expect(entry).toMatchObject({ outcome: "granted", issuer: IDP, subject: "U019488227" });
  });

  it("accepts the application/ form of the typ in any case, and an aud array of exactly the issuer", async () => {
    const h = await createIdJagHarness();
    for (const typ of ["application/oauth-id-jag+jwt", "OAuth-ID-JAG+JWT"]) {
      const assertion = await h.sign(idJagClaims(h, { aud: [SERVER] }), { typ });
      await expectRedeemed(h, h.engine.exchangeJwtBearer({ client: h.client, assertion, scope: undefined }));
    }
    // Another typ is a plain assertion: its token-endpoint aud is accepted, and a refresh token comes with it.
    const plain = await h.sign(idJagClaims(h, { aud: TOKEN_ENDPOINT }), { typ: "JWT" });
    const response = await h.engine.exchangeJwtBearer({
      client: h.client,
      assertion: plain,
      scope: undefined,
    });
    expect(response.refreshToken).toEqual(expect.any(String));
  });

  it("refuses a client_id that is not the authenticated client's, and one that is missing", async () => {
    const h = await createIdJagHarness();
    await expectRefused(h, { client_id: "another-client" }, "id_jag_client_id_mismatch");
    await expectRefused(h, { client_id: undefined }, "id_jag_client_id_mismatch");
  });

  it("refuses an aud of two elements, even when one is this server", async () => {
    const h = await createIdJagHarness();
    const error = await expectRefused(
      h,
      { aud: [SERVER, "https://elsewhere.example"] },
      "id_jag_aud_mismatch",
    );
    expect(error.description).toBe(
      `an ID-JAG's aud must be exactly this server's issuer identifier, ${SERVER}`,
    );
  });

  it("refuses the token endpoint as aud, which a plain assertion may name", async () => {
    const h = await createIdJagHarness();
    await expectRefused(h, { aud: TOKEN_ENDPOINT }, "id_jag_aud_mismatch");
    await h.expectIssued(h.exchange(await h.sign(h.claims({ iss: IDP, aud: TOKEN_ENDPOINT }))), {
      assertionIssuer: IDP,
      scope: "chat.read chat.history chat.write",
    });
  });

  it("refuses an issuer's audience alias as an ID-JAG's aud", async () => {
    const h = await createIdJagHarness();
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { audiences: ["urn:acme:chat"] });
    await expectRefused(h, { aud: "urn:acme:chat" }, "id_jag_aud_mismatch");
  });

  it("refuses a public client", async () => {
    const h = await createIdJagHarness();
    const publicClient = await h.engine.clients.update(BOOTSTRAP_ADMIN, h.client.clientId, {
      tokenEndpointAuthMethod: "none",
    });
    const error = await expectOAuthError(
      h.engine.exchangeJwtBearer({
        client: publicClient,
        assertion: await h.sign(idJagClaims(h), ID_JAG),
        scope: undefined,
      }),
      "invalid_grant",
      "id_jag_client_not_confidential",
    );
    expect(error.description).toBe("an ID-JAG is redeemed only by a confidential client");
  });

  it("refuses an ID-JAG bound to a key (cnf), never redeeming it unbound", async () => {
    const h = await createIdJagHarness();
    const error = await expectRefused(
      h,
      { cnf: { jkt: "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I" } },
      "id_jag_cnf_unsupported",
    );
    expect(error.description).toMatch(/cnf claim/);
    expect(await h.storage.auditLog.recent(1)).toMatchObject([
      { outcome: "refused", reason: "id_jag_cnf_unsupported" },
    ]);
  });

  it("caps the grant at the ID-JAG's scope: a wider request is invalid_scope, a narrower one is granted", async () => {
    const h = await createIdJagHarness();
    await expectOAuthError(
      redeem(h, idJagClaims(h), { scope: "chat.read chat.write" }),
      "invalid_scope",
      "scope_not_allowed",
    );
    await expectRedeemed(h, redeem(h, idJagClaims(h), { scope: "chat.history" }), { scope: "chat.history" });
  });

  it("makes the grant unusable when its resource claim names one the client may not have, or no absolute URI", async () => {
    const h = await createIdJagHarness({ resources: [OTHER] });
    await expectOAuthError(redeem(h, idJagClaims(h)), "invalid_grant", "id_jag_resource_not_allowed");
    const tooMany = Array.from({ length: 51 }, (_, index) => `${OTHER}/${index}`);
    for (const resource of ["/api", "https://acme.chat.example/api#x", [], 42, [OTHER, 7], tooMany]) {
      await expectOAuthError(
        redeem(h, idJagClaims(h, { resource })),
        "invalid_grant",
        "id_jag_resource_invalid",
      );
    }
  });

  it("takes requested resources only from within its resource claim", async () => {
    const h = await createIdJagHarness();
    const claims = idJagClaims(h, { resource: [MCP, OTHER] });
    await expectOAuthError(
      redeem(h, idJagClaims(h), { resource: [OTHER] }),
      "invalid_target",
      "resource_not_granted",
    );
    await expectRedeemed(h, redeem(h, claims, { resource: [OTHER] }), { audience: OTHER, resource: OTHER });
    await expectRedeemed(h, redeem(h, idJagClaims(h, { resource: [MCP, OTHER] })), {
      audience: [MCP, OTHER],
      resource: [MCP, OTHER],
    });
  });

  it("is redeemed once: a replay is refused, even from an issuer whose plain assertions may be reused", async () => {
    const h = await createIdJagHarness({ reuse: true });
    const assertion = await h.sign(idJagClaims(h), ID_JAG);
    await redeem(h, idJagClaims(h));
    await h.engine.exchangeJwtBearer({ client: h.client, assertion, scope: undefined });
    await expectOAuthError(
      h.engine.exchangeJwtBearer({ client: h.client, assertion, scope: undefined }),
      "invalid_grant",
      "assertion_replayed",
    );
    await expectRefused(h, { jti: undefined }, "id_jag_jti_missing");
  });

  it("never yields a refresh token, though the client may refresh and the rule allows it", async () => {
    const h = await createIdJagHarness();
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
      rules: [{ name: "chat", when: { amr: { contains: "mfa" } }, refresh_tokens: true }],
    });
    const response = await redeem(h, idJagClaims(h));
    expect(response.refreshToken).toBeUndefined();
    expect(Object.keys(response).sort()).toStrictEqual([
      "accessToken",
      "expiresIn",
      "resource",
      "scope",
      "tokenType",
    ]);
  });

  it("is explained as an ID-JAG, with the ID-JAG rule that refused it", async () => {
    const h = await createIdJagHarness();
    const explain = async (claims: Record<string, unknown>, header: Record<string, unknown> = ID_JAG) =>
      h.engine.explainJwtBearer({
        assertion: await h.sign(claims, header),
        clientId: h.client.clientId,
        scope: undefined,
      });
    expect(await explain(idJagClaims(h))).toMatchObject({
      profile: "id-jag",
      outcome: "would_grant",
      token: { audience: MCP, refreshToken: false, scope: "chat.read chat.history" },
    });
    expect(await explain(idJagClaims(h, { aud: TOKEN_ENDPOINT }))).toMatchObject({
      profile: "id-jag",
      outcome: "refused",
      error: "invalid_grant",
      reason: "id_jag_aud_mismatch",
    });
    expect(await explain(h.claims({ iss: IDP }), {})).toMatchObject({
      profile: null,
      outcome: "would_grant",
    });
  });
});
