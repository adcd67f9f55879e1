import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT } from "../src/domain/client.js";
import { tokenParameters } from "../src/grants/token-request.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, type Harness, IDP, SERVER, sharedTestKey } from "./support/harness.js";

const JWT = "urn:ietf:params:oauth:token-type:jwt";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
const API = "https://api.example.com/";
const LEDGER = "urn:example:ledger";
/** The client id the harness client has at the IdP: the `aud` of the ID Tokens the IdP issues it. */
const CLIENT_AT_IDP = "client-at-idp";

const createExchangeHarness = () =>
  createHarness({
    issuer: { audiences: [CLIENT_AT_IDP] },
    client: {
      grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT],
      scope: "read write",
      resources: [API, LEDGER],
    },
  });

type Parameters = Record<string, string | readonly string[]>;

/** A token exchange through the token endpoint's table, its parameters as the wire sends them. */
const exchange = (h: Harness, parameters: Parameters, client = h.client) =>
  h.engine.exchangeToken({
    client,
    parameters: tokenParameters([
      ["grant_type", TOKEN_EXCHANGE_GRANT],
      ...Object.entries(parameters).flatMap(([name, value]) =>
        (typeof value === "string" ? [value] : value).map((one): [string, string] => [name, one]),
      ),
    ]),
  });

const subjectJwt = async (h: Harness, claims: Record<string, unknown> = {}) => ({
  subject_token: await h.sign(h.claims(claims)),
  subject_token_type: JWT,
});

const actorJwt = async (h: Harness, sub: string, claims: Record<string, unknown> = {}) => ({
  actor_token: await h.sign(h.claims({ sub, ...claims })),
  actor_token_type: JWT,
});

/** The exact response of an exchange for `svc-a` of the harness issuer, with what `expected` says. */
const expectExchanged = (h: Harness, response: ReturnType<typeof exchange>, expected = {}) =>
  h.expectIssued(response, {
    issuedTokenType: ACCESS_TOKEN,
    refreshToken: false,
    ...expected,
  });

describe("token exchange (RFC 8693)", () => {
  it("exchanges a JWT of a trusted issuer for an access token, without a refresh token, and audits it", async () => {
    const h = await createExchangeHarness();
    const subject = await subjectJwt(h);
    await expectExchanged(h, exchange(h, { ...subject, scope: "read" }), { scope: "read" });
    expect(await h.storage.auditLog.recent(1)).toMatchObject([
      { grantType: TOKEN_EXCHANGE_GRANT, outcome: "granted", issuer: IDP, subject: "svc-a", actor: null },
    ]);
    // The subject JWT is single use, as an assertion is; a replay is the request's fault.
    await expectOAuthError(exchange(h, subject), "invalid_request", "assertion_replayed");
  });

  it("exchanges an ID Token whose aud is the client's id at the IdP, listed in the issuer's audiences", async () => {
    const h = await createExchangeHarness();
    const idToken = await h.sign(h.claims({ aud: CLIENT_AT_IDP }));
    await expectExchanged(h, exchange(h, { subject_token: idToken, subject_token_type: ID_TOKEN }));
    const elsewhere = await h.sign(h.claims({ aud: "another-client-at-idp" }));
    const error = await expectOAuthError(
      exchange(h, { subject_token: elsewhere, subject_token_type: ID_TOKEN }),
      "invalid_request",
      "aud_mismatch",
    );
    expect(error.description).toMatch(
      /^subject_token: the aud claim does not name this authorization server/,
    );
  });

  it("exchanges an access token of ours for a narrower scope and another audience, living no longer", async () => {
    const h = await createExchangeHarness();
    const { accessToken } = await h.exchange(await h.sign(), "read write");
    h.clock.advance(600);
    await expectExchanged(
      h,
      exchange(h, {
        subject_token: accessToken,
        subject_token_type: ACCESS_TOKEN,
        scope: "read",
        audience: API,
      }),
      { scope: "read", audience: API, resource: API, expiresInSeconds: 3000 },
    );
  });

  it("never widens an access token's scope", async () => {
    const h = await createExchangeHarness();
    const { accessToken } = await h.exchange(await h.sign(), "read");
    await expectOAuthError(
      exchange(h, { subject_token: accessToken, subject_token_type: ACCESS_TOKEN, scope: "read write" }),
      "invalid_scope",
      "scope_not_allowed",
    );
  });

  it("refuses an access token of ours that was revoked, has expired, or was issued to another client", async () => {
    const h = await createExchangeHarness();
    const { accessToken: revoked } = await h.exchange(await h.sign());
    await h.engine.revokeToken({ client: h.client, token: revoked });
    await expectOAuthError(
      exchange(h, { subject_token: revoked, subject_token_type: ACCESS_TOKEN }),
      "invalid_request",
      "access_token_invalid",
    );
    const { accessToken: expiring } = await h.exchange(await h.sign());
    h.clock.advance(3600);
    await expectOAuthError(
      exchange(h, { subject_token: expiring, subject_token_type: ACCESS_TOKEN }),
      "invalid_request",
      "access_token_invalid",
    );
    const { accessToken: theirs } = await h.exchange(await h.sign());
    const { client: other } = await h.engine.clients.create(BOOTSTRAP_ADMIN, {
      grantTypes: [TOKEN_EXCHANGE_GRANT],
    });
    await expectOAuthError(
      exchange(h, { subject_token: theirs, subject_token_type: ACCESS_TOKEN }, other),
      "invalid_request",
      "access_token_other_client",
    );
  });

  it("refuses an unsupported subject token type, naming the supported ones, and a missing type or token", async () => {
    const h = await createExchangeHarness();
    const error = await expectOAuthError(
      exchange(h, { subject_token: "x", subject_token_type: "urn:ietf:params:oauth:token-type:saml2" }),
      "invalid_request",
      "token_type_unsupported",
    );
    expect(error.description).toBe(
      `the subject_token_type is not supported; this server reads ${JWT}, ${ID_TOKEN}, ${ACCESS_TOKEN}`,
    );
    await expectOAuthError(
      exchange(h, { subject_token: "x" }),
      "invalid_request",
      "subject_token_type_missing",
    );
    await expectOAuthError(
      exchange(h, { subject_token_type: JWT }),
      "invalid_request",
      "subject_token_missing",
    );
    await expectOAuthError(
      exchange(h, {
        ...(await subjectJwt(h)),
        requested_token_type: "urn:ietf:params:oauth:token-type:refresh_token",
      }),
      "invalid_request",
      "requested_token_type_unsupported",
    );
  });

  it("makes an invalid subject token invalid_request, not invalid_grant", async () => {
    const h = await createExchangeHarness();
    const forged = await h.sign(h.claims(), {}, await sharedTestKey("ES256", "forger"));
    await expectOAuthError(
      exchange(h, { subject_token: forged, subject_token_type: JWT }),
      "invalid_request",
      "unknown_key",
    );
    await expectOAuthError(
      exchange(h, { subject_token: "not.a.jwt", subject_token_type: JWT }),
      "invalid_request",
    );
    await expectOAuthError(
      exchange(h, await subjectJwt(h, { iss: "https://unknown.example" })),
      "invalid_request",
      "issuer_unknown",
    );
  });

  it("refuses an ID-JAG as a subject token: it is redeemed at the jwt-bearer grant only", async () => {
    const h = await createExchangeHarness();
    const idJag = await h.sign(h.claims({ aud: SERVER, client_id: h.client.clientId }), {
      typ: "oauth-id-jag+jwt",
    });
    await expectOAuthError(
      exchange(h, { subject_token: idJag, subject_token_type: JWT }),
      "invalid_request",
      "id_jag_not_exchangeable",
    );
  });

  it("names an actor in act, nests a prior actor inside, and does not spend the actor token", async () => {
    const h = await createExchangeHarness();
    const actor = await actorJwt(h, "deployer");
    const first = await expectExchanged(h, exchange(h, { ...(await subjectJwt(h)), ...actor }), {
      act: { sub: "deployer", iss: IDP },
    });
    expect(await h.storage.auditLog.recent(1)).toMatchObject([
      { outcome: "granted", issuer: IDP, subject: "svc-a", actor: { issuer: IDP, subject: "deployer" } },
    ]);
    // The same actor token again, for another subject: an actor presents its token for many exchanges.
    await expectExchanged(h, exchange(h, { ...(await subjectJwt(h)), ...actor }), {
      act: { sub: "deployer", iss: IDP },
    });
    const delegated = { subject_token: first.accessToken, subject_token_type: ACCESS_TOKEN };
    await expectExchanged(h, exchange(h, { ...delegated, ...(await actorJwt(h, "auditor")) }), {
      act: { sub: "auditor", iss: IDP, act: { sub: "deployer", iss: IDP } },
    });
    // Without a new actor the chain is kept: an exchange never drops who acted.
    await expectExchanged(h, exchange(h, delegated), { act: { sub: "deployer", iss: IDP } });
  });

  it("lets the actor that may_act names act, and refuses another", async () => {
    const h = await createExchangeHarness();
    const mayAct = { may_act: { sub: "deployer", iss: IDP } };
    await expectExchanged(
      h,
      exchange(h, { ...(await subjectJwt(h, mayAct)), ...(await actorJwt(h, "deployer")) }),
      {
        act: { sub: "deployer", iss: IDP },
      },
    );
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h, mayAct)), ...(await actorJwt(h, "intruder")) }),
      "invalid_request",
      "may_act_mismatch",
    );
    await expectOAuthError(
      exchange(h, {
        ...(await subjectJwt(h, { may_act: { sub: "deployer", iss: "https://other.example" } })),
        ...(await actorJwt(h, "deployer")),
      }),
      "invalid_request",
      "may_act_mismatch",
    );
  });

  it("requires actor_token_type exactly when an actor_token is sent", async () => {
    const h = await createExchangeHarness();
    const { actor_token } = await actorJwt(h, "deployer");
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h)), actor_token }),
      "invalid_request",
      "actor_token_type_missing",
    );
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h)), actor_token_type: JWT }),
      "invalid_request",
      "actor_token_type_without_token",
    );
  });

  it("refuses a prior act it cannot read, and a delegation chain past its limit", async () => {
    const h = await createExchangeHarness();
    await expectOAuthError(
      exchange(h, await subjectJwt(h, { act: { iss: IDP } })),
      "invalid_request",
      "act_claim_invalid",
    );
    let chain: Record<string, unknown> = { sub: "first" };
    for (let depth = 1; depth < 8; depth++) chain = { sub: `actor-${depth}`, act: chain };
    await expectExchanged(h, exchange(h, await subjectJwt(h, { act: chain })), { act: chain });
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h, { act: chain })), ...(await actorJwt(h, "one-more")) }),
      "invalid_request",
      "delegation_too_deep",
    );
  });

  it("aims the token with audience and resource, each among the client's resources", async () => {
    const h = await createExchangeHarness();
    await expectExchanged(h, exchange(h, { ...(await subjectJwt(h)), resource: API, audience: LEDGER }), {
      audience: [API, LEDGER],
      resource: [API, LEDGER],
    });
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h)), audience: "urn:example:elsewhere" }),
      "invalid_target",
      "resource_not_allowed",
    );
    await expectOAuthError(
      exchange(h, { ...(await subjectJwt(h)), resource: "https://api.example.com/#x" }),
      "invalid_target",
      "resource_invalid",
    );
  });

  it("is for clients allowed the token-exchange grant", async () => {
    const h = await createHarness();
    await expectOAuthError(exchange(h, await subjectJwt(h)), "unauthorized_client", "grant_not_allowed");
  });
});
