// Cross-app access on every runtime: ID-JAG redemption, resource indicators, and token exchange with actors.
import {
  BOOTSTRAP_ADMIN,
  JWT_BEARER_GRANT,
  REFRESH_TOKEN_GRANT,
  TOKEN_EXCHANGE_GRANT,
  tokenParameters,
} from "../dist/index.js";
import {
  check,
  checkJson,
  IDP,
  rejectsWith,
  type Scenario,
  SERVER,
  setup,
  stableClaims,
  verifyAccessToken,
} from "./harness.ts";

const API = "https://api.example.com/";
const LEDGER = "urn:example:ledger";
const ID_JAG = { typ: "oauth-id-jag+jwt" };
const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

/**
 * A confidential client of the cross-app grants: every grant type, and two resources it may request. It
 * redeems ID-JAGs, presents assertions with `resource` parameters, and exchanges tokens.
 */
async function crossAppSetup() {
  const s = await setup();
  const { client } = await s.engine.clients.create(BOOTSTRAP_ADMIN, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT, TOKEN_EXCHANGE_GRANT],
    scope: "read write",
    resources: [API, LEDGER],
  });
  /** An ID-JAG shaped like the draft's example, issued to the client for the API. */
  const idJag = (overrides: Record<string, unknown> = {}) =>
    s.sign(
      { sub: "U019488227", client_id: client.clientId, resource: API, scope: "read", ...overrides },
      ID_JAG,
    );
  const redeem = (assertion: string, resource: readonly string[] = []) =>
    s.engine.exchangeJwtBearer({ client, assertion, scope: undefined, resource });
  const exchangeToken = (parameters: Readonly<Record<string, string>>) =>
    s.engine.exchangeToken({
      client,
      parameters: tokenParameters([["grant_type", TOKEN_EXCHANGE_GRANT], ...Object.entries(parameters)]),
    });
  /** A JWT of the IdP about `sub`, as a subject or an actor token of an exchange. */
  const jwt = (sub: string, claims: Record<string, unknown> = {}) => s.sign({ sub, ...claims });
  return { s, client, idJag, redeem, exchangeToken, jwt };
}

export const crossAppScenarios: readonly Scenario[] = [
  {
    name: "redeems an ID-JAG: its resource is the audience, and no refresh token is issued",
    async run() {
      const x = await crossAppSetup();
      const { accessToken, ...response } = await x.redeem(await x.idJag());
      checkJson(
        response,
        { tokenType: "Bearer", expiresIn: 3600, scope: "read", resource: API },
        "token response",
      );
      checkJson(
        await stableClaims(x.s, accessToken),
        {
          iss: SERVER,
          sub: "U019488227",
          aud: API,
          client_id: x.client.clientId,
          scope: "read",
          assertion_iss: IDP,
        },
        "access token claims",
      );
    },
  },
  {
    name: "refuses an ID-JAG whose aud is the token endpoint, which a plain assertion may name",
    async run() {
      const x = await crossAppSetup();
      const tokenEndpoint = `${SERVER}/oauth2/token`;
      await rejectsWith(
        x.redeem(await x.idJag({ aud: tokenEndpoint })),
        "invalid_grant",
        "id_jag_aud_mismatch",
      );
      await x.redeem(await x.s.sign({ aud: tokenEndpoint }));
    },
  },
  {
    name: "grants two resources as the access token's aud array",
    async run() {
      const x = await crossAppSetup();
      const response = await x.redeem(await x.s.sign(), [API, LEDGER]);
      checkJson(response.resource, [API, LEDGER], "response resource");
      checkJson((await verifyAccessToken(x.s, response.accessToken)).aud, [API, LEDGER], "aud");
    },
  },
  {
    name: "refuses a resource the client may not request, leaving the assertion unspent",
    async run() {
      const x = await crossAppSetup();
      const assertion = await x.s.sign();
      await rejectsWith(
        x.redeem(assertion, [API, "https://elsewhere.example/"]),
        "invalid_target",
        "resource_not_allowed",
      );
      checkJson((await x.redeem(assertion, [API])).resource, API, "response resource");
    },
  },
  {
    name: "names the actor of a token exchange in act, and nests it under the next actor",
    async run() {
      const x = await crossAppSetup();
      const first = await x.exchangeToken({
        subject_token: await x.jwt("U019488227"),
        subject_token_type: JWT_TOKEN_TYPE,
        actor_token: await x.jwt("deployer"),
        actor_token_type: JWT_TOKEN_TYPE,
      });
      check(first.issuedTokenType === ACCESS_TOKEN_TYPE, `issued_token_type ${first.issuedTokenType}`);
      check(first.refreshToken === undefined, "a token exchange issued a refresh token");
      checkJson((await verifyAccessToken(x.s, first.accessToken)).act, { sub: "deployer", iss: IDP }, "act");
      const second = await x.exchangeToken({
        subject_token: first.accessToken,
        subject_token_type: ACCESS_TOKEN_TYPE,
        actor_token: await x.jwt("auditor"),
        actor_token_type: JWT_TOKEN_TYPE,
      });
      const claims = await verifyAccessToken(x.s, second.accessToken);
      check(claims.sub === "U019488227", `sub ${claims.sub}`);
      checkJson(claims.act, { sub: "auditor", iss: IDP, act: { sub: "deployer", iss: IDP } }, "nested act");
    },
  },
  {
    name: "refuses an actor that the subject token's may_act does not name",
    async run() {
      const x = await crossAppSetup();
      const subject = await x.jwt("U019488227", { may_act: { sub: "deployer", iss: IDP } });
      await rejectsWith(
        x.exchangeToken({
          subject_token: subject,
          subject_token_type: JWT_TOKEN_TYPE,
          actor_token: await x.jwt("intruder"),
          actor_token_type: JWT_TOKEN_TYPE,
        }),
        "invalid_request",
        "may_act_mismatch",
      );
      const granted = await x.exchangeToken({
        subject_token: subject,
        subject_token_type: JWT_TOKEN_TYPE,
        actor_token: await x.jwt("deployer"),
        actor_token_type: JWT_TOKEN_TYPE,
      });
      checkJson(
        (await verifyAccessToken(x.s, granted.accessToken)).act,
        { sub: "deployer", iss: IDP },
        "act",
      );
    },
  },
];
