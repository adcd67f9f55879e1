import {
  allowInsecureRequests,
  type ClientAuth,
  ClientSecretBasic,
  ClientSecretPost,
  type Configuration,
  discovery,
  genericGrantRequest,
  ResponseBodyError,
  type TokenEndpointResponse,
} from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWT_BEARER, type RegisteredClient, verifyAccessToken } from "./support/classic-flow.js";
import { ID_JAG_HEADER, ID_JAG_SUBJECT, type IdJagMinting, idJagClaims } from "./support/id-jag-claims.js";
import { createIssuerKey, type IssuerKey } from "./support/issuer-key.js";
import { type ServerOnTestDatabase, startServerOnTestDatabase } from "./support/server-on-test-database.js";
import { createClient, createIssuer } from "./support/workload-flow.js";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
const ID_JAG_PROFILE = "urn:ietf:params:oauth:grant-profile:id-jag";

// The enterprise IdP, and the resources of the chat application whose authorization server this is.
const IDP = "https://acme.idp.example";
const CHAT_API = "https://acme.chat.example/api";
const CHAT_ADMIN = "https://acme.chat.example/admin";
/** The workload that acts for the user in a token exchange, as the IdP names it. */
const SUMMARIZER = "agent:summarizer";

const now = () => Math.floor(Date.now() / 1000);

/** What a grant for the user at the chat API hands out, past what every such grant has. */
interface ChatApiGrant {
  readonly client: RegisteredClient;
  readonly scope: string;
  /** The response's `issued_token_type`, which only a token exchange reports. */
  readonly issuedTokenType?: string;
  /** The access token's `act` claim; absent when undefined. */
  readonly act?: Readonly<Record<string, string>>;
}

/** What openid-client's refusal says of the server's error response. */
async function refusalOf(pending: Promise<unknown>) {
  const error: unknown = await pending.then(
    () => new Error("the request was granted"),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ResponseBodyError);
  const { status, error: code, error_description } = error as ResponseBodyError;
  return { status, error: code, error_description };
}

describe("cross-app access through openid-client against the running server", () => {
  let running: ServerOnTestDatabase;
  let idp: IssuerKey;
  let chat: RegisteredClient;
  let agent: RegisteredClient;

  const url = () => running.server.url;
  const minting = (overrides: Partial<IdJagMinting> = {}): IdJagMinting => ({
    idp: IDP,
    audience: url(),
    clientId: chat.clientId,
    resource: CHAT_API,
    now: now(),
    ...overrides,
  });
  /** The server's metadata found by RFC 8414 discovery, over plain HTTP since the server is on loopback. */
  const discover = (client: RegisteredClient, auth: ClientAuth): Promise<Configuration> =>
    discovery(new URL(url()), client.clientId, undefined, auth, {
      algorithm: "oauth2",
      execute: [allowInsecureRequests],
    });
  /** A JWT the IdP signs about `sub` for this server, as a subject or an actor token. */
  const idpJwt = (sub: string, claims: Record<string, unknown> = {}) =>
    idp.sign(
      { iss: IDP, sub, aud: url(), iat: now(), exp: now() + 300, jti: crypto.randomUUID(), ...claims },
      { typ: "JWT" },
    );

  /** The exact token response, as openid-client hands it over, and the access token's verified claims. */
  async function expectChatApiGrant(response: TokenEndpointResponse, grant: ChatApiGrant) {
    // openid-client lowercases token_type; everything else is the server's response as sent.
    expect({ ...response }).toStrictEqual({
      access_token: expect.any(String),
      ...(grant.issuedTokenType === undefined ? {} : { issued_token_type: grant.issuedTokenType }),
      token_type: "bearer",
      expires_in: 3600,
      scope: grant.scope,
      resource: CHAT_API,
    });
    expect(await verifyAccessToken(url(), response.access_token)).toStrictEqual({
      iss: url(),
      sub: ID_JAG_SUBJECT,
      aud: CHAT_API,
      client_id: grant.client.clientId,
      scope: grant.scope,
      assertion_iss: IDP,
      ...(grant.act === undefined ? {} : { act: grant.act }),
      jti: expect.any(String),
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
  }

  beforeAll(async () => {
    // The server's issuer identifier is its own URL, so that openid-client's discovery finds it as issued.
    [running, idp] = await Promise.all([
      startServerOnTestDatabase({}),
      createIssuerKey("RS256", "acme-idp-2026"),
    ]);
    await createIssuer(url(), { issuer: IDP, jwks: { keys: [idp.publicJwk] } });
    chat = await createClient(url(), {
      client_name: "acme chat",
      grant_types: [JWT_BEARER],
      scope: "chat.read chat.history chat.write",
      resources: [CHAT_API, CHAT_ADMIN],
    });
    agent = await createClient(url(), {
      client_name: "summarizer agent",
      grant_types: [TOKEN_EXCHANGE],
      scope: "chat.read",
      token_endpoint_auth_method: "client_secret_post",
      resources: [CHAT_API],
    });
  });

  afterAll(async () => {
    expect(await running?.stop()).toBe(0);
  });

  it("discovers the ID-JAG grant profile and the token-exchange grant", async () => {
    const metadata = (await discover(chat, ClientSecretBasic(chat.clientSecret))).serverMetadata();
    expect(metadata.issuer).toBe(url());
    expect(metadata.token_endpoint).toBe(`${url()}/oauth2/token`);
    expect(metadata.authorization_grant_profiles_supported).toStrictEqual([ID_JAG_PROFILE]);
    expect(metadata.grant_types_supported).toEqual(expect.arrayContaining([JWT_BEARER, TOKEN_EXCHANGE]));
  });

  describe("an ID-JAG redeemed at the jwt-bearer grant", () => {
    let config: Configuration;

    beforeAll(async () => {
      config = await discover(chat, ClientSecretBasic(chat.clientSecret));
    });

    it("grants the IdP's scope for its resource, without a refresh token", async () => {
      const assertion = await idp.sign(idJagClaims(minting()), ID_JAG_HEADER);
      const response = await genericGrantRequest(config, JWT_BEARER, { assertion });
      await expectChatApiGrant(response, { client: chat, scope: "chat.read chat.history" });
    });

    it("refuses the same ID-JAG a second time", async () => {
      const assertion = await idp.sign(idJagClaims(minting()), ID_JAG_HEADER);
      await genericGrantRequest(config, JWT_BEARER, { assertion });
      expect(await refusalOf(genericGrantRequest(config, JWT_BEARER, { assertion }))).toStrictEqual({
        status: 400,
        error: "invalid_grant",
        error_description: "the assertion has already been used",
      });
    });

    it("refuses an ID-JAG aimed at the token endpoint instead of the issuer", async () => {
      const claims = idJagClaims(minting({ audience: `${url()}/oauth2/token` }));
      const assertion = await idp.sign(claims, ID_JAG_HEADER);
      expect(await refusalOf(genericGrantRequest(config, JWT_BEARER, { assertion }))).toStrictEqual({
        status: 400,
        error: "invalid_grant",
        error_description: `an ID-JAG's aud must be exactly this server's issuer identifier, ${url()}`,
      });
    });
  });

  describe("a token exchange with an actor", () => {
    let config: Configuration;

    beforeAll(async () => {
      config = await discover(agent, ClientSecretPost(agent.clientSecret));
    });

    it("issues an access token for the resource that names the actor in act", async () => {
      const response = await genericGrantRequest(config, TOKEN_EXCHANGE, {
        subject_token: await idpJwt(ID_JAG_SUBJECT),
        subject_token_type: JWT_TOKEN_TYPE,
        actor_token: await idpJwt(SUMMARIZER),
        actor_token_type: JWT_TOKEN_TYPE,
        resource: CHAT_API,
      });
      await expectChatApiGrant(response, {
        client: agent,
        scope: "chat.read",
        issuedTokenType: ACCESS_TOKEN_TYPE,
        act: { sub: SUMMARIZER, iss: IDP },
      });
    });

    it("refuses an actor the subject token's may_act does not name", async () => {
      const pending = genericGrantRequest(config, TOKEN_EXCHANGE, {
        subject_token: await idpJwt(ID_JAG_SUBJECT, { may_act: { sub: "agent:scheduler", iss: IDP } }),
        subject_token_type: JWT_TOKEN_TYPE,
        actor_token: await idpJwt(SUMMARIZER),
        actor_token_type: JWT_TOKEN_TYPE,
      });
      expect(await refusalOf(pending)).toStrictEqual({
        status: 400,
        error: "invalid_request",
        error_description: "the subject token's may_act claim does not allow this actor",
      });
    });
  });
});
