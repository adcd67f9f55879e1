import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT } from "../src/domain/client.js";
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

describe("an ID-JAG at the jwt-bearer grant", () => {
  it("redeems the draft's example: its resource becomes the audience, its scope the grant's, no refresh token", async () => {
    const h = await createIdJagHarness();
    await h.expectIssued(redeem(h, idJagClaims(h)), {
      subject: "U019488227",
      assertionIssuer: IDP,
      scope: "chat.read chat.history",
      audience: MCP,
      resource: MCP,
      refreshToken: false,
    });
    const [entry] = await h.storage.auditLog.recent(1);
    expect(entry).toMatchObject({ outcome: "granted", issuer: IDP, subject: "U019488227" });
  });

  it("accepts the application/ form of the typ, and an aud array of exactly the issuer", async () => {
    const h = await createIdJagHarness();
    const assertion = await h.sign(idJagClaims(h, { aud: [SERVER] }), {
      typ: "application/oauth-id-jag+jwt",
    });
    await h.expectIssued(h.engine.exchangeJwtBearer({ client: h.client, assertion, scope: undefined }), {
      subject: "U019488227",
      assertionIssuer: IDP,
      scope: "chat.read chat.history",
      audience: MCP,
      resource: MCP,
      refreshToken: false,
    });
  });

  it("refuses a client_id that is not the authenticated client's, and one that is missing", async () => {
    const h = await createIdJagHarness();
    await expectOAuthError(
      redeem(h, idJagClaims(h, { client_id: "another-client" })),
      "invalid_grant",
      "id_jag_client_id_mismatch",
    );
    await expectOAuthError(
      redeem(h, idJagClaims(h, { client_id: undefined })),
      "invalid_grant",
      "id_jag_client_id_mismatch",
    );
  });

  it("refuses an aud of two elements, even when one is this server", async () => {
    const h = await createIdJagHarness();
    const error = await expectOAuthError(
      redeem(h, idJagClaims(h, { aud: [SERVER, "https://elsewhere.example"] })),
      "invalid_grant",
      "id_jag_aud_mismatch",
    );
    expect(error.description).toBe(
      `an ID-JAG's aud must be exactly this server's issuer identifier, ${SERVER}`,
    );
  });

  it("refuses the token endpoint as aud, which a plain assertion may name", async () => {
    const h = await createIdJagHarness();
    await expectOAuthError(
      redeem(h, idJagClaims(h, { aud: TOKEN_ENDPOINT })),
      "invalid_grant",
      "id_jag_aud_mismatch",
    );
    await h.expectIssued(h.exchange(await h.sign(h.claims({ iss: IDP, aud: TOKEN_ENDPOINT }))), {
      assertionIssuer: IDP,
      scope: "chat.read chat.history chat.write",
    });
  });

  it("refuses an issuer's audience alias as an ID-JAG's aud", async () => {
    const h = await createIdJagHarness();
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { audiences: ["urn:acme:chat"] });
    await expectOAuthError(
      redeem(h, idJagClaims(h, { aud: "urn:acme:chat" })),
      "invalid_grant",
      "id_jag_aud_mismatch",
    );
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
    const error = await expectOAuthError(
      redeem(h, idJagClaims(h, { cnf: { jkt: "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I" } })),
      "invalid_grant",
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
    await h.expectIssued(redeem(h, idJagClaims(h), { scope: "chat.history" }), {
      subject: "U019488227",
      assertionIssuer: IDP,
      scope: "chat.history",
      audience: MCP,
      resource: MCP,
      refreshToken: false,
    });
  });

  it("makes the grant unusable when its resource claim names one the client may not have, or no absolute URI", async () => {
    const h = await createIdJagHarness({ resources: [OTHER] });
    await expectOAuthError(redeem(h, idJagClaims(h)), "invalid_grant", "id_jag_resource_not_allowed");
    for (const resource of ["/api", "https://acme.chat.example/api#x", [], 42, [OTHER, 7]]) {
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
    await h.expectIssued(redeem(h, claims, { resource: [OTHER] }), {
      subject: "U019488227",
      assertionIssuer: IDP,
      scope: "chat.read chat.history",
      audience: OTHER,
      resource: OTHER,
      refreshToken: false,
    });
    await h.expectIssued(redeem(h, idJagClaims(h, { resource: [MCP, OTHER] })), {
      subject: "U019488227",
      assertionIssuer: IDP,
      scope: "chat.read chat.history",
      audience: [MCP, OTHER],
      resource: [MCP, OTHER],
      refreshToken: false,
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
    await expectOAuthError(
      redeem(h, idJagClaims(h, { jti: undefined })),
      "invalid_grant",
      "id_jag_jti_missing",
    );
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
