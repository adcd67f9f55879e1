// The engine's key rules, phrased so that any runtime can run them against the built package.
import { createLocalJWKSet, jwtVerify } from "jose";
import {
  ASYMMETRIC_ALGORITHMS,
  type AsymmetricAlgorithm,
  BOOTSTRAP_ADMIN,
  createEngine,
  createMemoryStorage,
  JWT_BEARER_CLIENT_ASSERTION_TYPE,
  JWT_BEARER_GRANT,
  OAuthError,
  REFRESH_TOKEN_GRANT,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  TOKEN_EXCHANGE_GRANT,
  tokenParameters,
} from "../dist/index.js";
import { createFrozenClock } from "../dist/testing/frozen-clock.js";
import { signTestJws } from "../dist/testing/sign-test-jws.js";
import { ecCertificate } from "../dist/testing/test-certificates.js";
import { generateTestKey, importTestKey, type TestKey } from "../dist/testing/test-keys.js";

export interface Scenario {
  readonly name: string;
  run(): Promise<void>;
}

const SERVER = "https://as.example.com";
const IDP = "https://idp.example.com";
const API = "https://api.example.com/";
const LEDGER = "urn:example:ledger";
const ID_JAG = { typ: "oauth-id-jag+jwt" };
const JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** JSON with every object's members sorted by name, so that two values compare by content alone. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_name, member: unknown) =>
    member !== null && typeof member === "object" && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : 1)))
      : member,
  );

/** Checks that two JSON values are equal; a member that is undefined counts as absent. */
function checkJson(actual: unknown, expected: unknown, what: string): void {
  const [a, e] = [canonicalJson(actual), canonicalJson(expected)];
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

async function rejectsWith(promise: Promise<unknown>, code: string, reason?: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(error instanceof OAuthError, `expected OAuthError, got ${String(error)}`);
    const oauth = error as OAuthError;
    check(oauth.code === code, `expected ${code}, got ${oauth.code} (${oauth.reason})`);
    if (reason !== undefined)
      check(oauth.reason === reason, `expected reason ${reason}, got ${oauth.reason}`);
    return;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

async function setup(
  alg: AsymmetricAlgorithm = "ES256",
  signingAlgorithm: SigningAlgorithm = "ES256",
  refreshTokenReuseGraceSeconds = 0,
) {
  const clock = createFrozenClock();
  const engine = createEngine(
    { storage: createMemoryStorage({ clock }), clock },
    { issuer: SERVER, signingAlgorithm, refreshTokenReuseGraceSeconds },
  );
  const key = await generateTestKey(alg, "k1");
  await engine.issuers.create(BOOTSTRAP_ADMIN, {
    issuer: IDP,
    jwks: { keys: [key.publicJwk] },
    algorithms: [alg],
  });
  const { client } = await engine.clients.create(BOOTSTRAP_ADMIN, {
    grantTypes: [JWT_BEARER_GRANT, REFRESH_TOKEN_GRANT],
    scope: "read",
  });
  let n = 0;
  const sign = (
    overrides: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
    signer: TestKey = key,
  ) => {
    n += 1;
    const now = clock.nowSeconds();
    const claims = {
      iss: IDP,
      sub: "svc",
      aud: SERVER,
      iat: now,
      exp: now + 300,
      jti: `j${n}`,
      ...overrides,
    };
    return signTestJws(signer, claims, { kid: "k1", ...header });
  };
  const exchange = (assertion: string) => engine.exchangeJwtBearer({ client, assertion, scope: undefined });
  return { engine, clock, key, client, sign, exchange };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** An access token's claims, verified as a resource server would: against the engine's published keys. */
async function verifyAccessToken(s: Setup, token: string) {
  const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(await s.engine.publishJwks())));
  const { payload } = await jwtVerify(token, jwks, { typ: "at+jwt", currentDate: s.clock.now() });
  return payload;
}

/** An access token's claims but those that differ from token to token (`jti`, `iat`, `exp`). */
async function stableClaims(s: Setup, token: string) {
  const claims = await verifyAccessToken(s, token);
  return Object.fromEntries(
    Object.entries(claims).filter(([name]) => name !== "jti" && name !== "iat" && name !== "exp"),
  );
}

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

const perAlgorithm = ASYMMETRIC_ALGORITHMS.map(
  (alg): Scenario => ({
    name: `exchanges a ${alg} assertion`,
    async run() {
      const s = await setup(alg);
      const response = await s.exchange(await s.sign());
      check(response.tokenType === "Bearer" && response.scope === "read", "unexpected token response");
    },
  }),
);

const perSigningAlgorithm = SIGNING_ALGORITHMS.map(
  (alg): Scenario => ({
    name: `signs ${alg} access tokens that verify against the JWKS`,
    async run() {
      const s = await setup("ES256", alg);
      const { accessToken } = await s.exchange(await s.sign());
      const payload = await verifyAccessToken(s, accessToken);
      check(
        payload.sub === "svc" && payload.assertion_iss === IDP && payload.iss === SERVER,
        "claims differ",
      );
    },
  }),
);

const crossAppAccess: readonly Scenario[] = [
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

export const scenarios: readonly Scenario[] = [
  ...perAlgorithm,
  ...perSigningAlgorithm,
  {
    name: "exchanges an assertion verified with a PEM certificate",
    async run() {
      const s = await setup();
      await s.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: "https://pem.example",
        certificate: ecCertificate.certificate,
      });
      const signer = await importTestKey("ES256", ecCertificate.testOnlyPrivateKeyPkcs8);
      await s.exchange(await s.sign({ iss: "https://pem.example" }, {}, signer));
    },
  },
  {
    name: "refuses alg none and HS256",
    async run() {
      const s = await setup();
      const [, payload] = (await s.sign()).split(".");
      await rejectsWith(
        s.exchange(`eyJhbGciOiJub25lIn0.${payload}.c2ln`),
        "invalid_grant",
        "alg_not_allowed",
      );
      await rejectsWith(
        s.exchange(`eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`),
        "invalid_grant",
        "alg_not_allowed",
      );
    },
  },
  {
    name: "never uses a key embedded in the header",
    async run() {
      const s = await setup();
      const attacker = await generateTestKey("ES256", "k1");
      await rejectsWith(
        s.exchange(await s.sign({}, { jwk: attacker.publicJwk }, attacker)),
        "invalid_grant",
        "bad_signature",
      );
    },
  },
  {
    name: "refuses a tampered payload and an all-zero ECDSA signature",
    async run() {
      const s = await setup();
      const [head, payload, signature] = (await s.sign()).split(".");
      const tampered = `${head}.${payload?.slice(0, -2)}AA.${signature}`;
      await rejectsWith(s.exchange(tampered), "invalid_grant");
      await rejectsWith(s.exchange(`${head}.${payload}.${"A".repeat(86)}`), "invalid_grant", "bad_signature");
    },
  },
  {
    name: "refuses an expired assertion and a foreign audience",
    async run() {
      const s = await setup();
      const now = s.clock.nowSeconds();
      await rejectsWith(
        s.exchange(await s.sign({ iat: now - 600, exp: now - 120 })),
        "invalid_grant",
        "exp_passed",
      );
      await rejectsWith(
        s.exchange(await s.sign({ aud: "https://other.example" })),
        "invalid_grant",
        "aud_mismatch",
      );
    },
  },
  {
    name: "accepts an assertion once, even under concurrent use",
    async run() {
      const s = await setup();
      const assertion = await s.sign();
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => s.exchange(assertion)));
      check(results.filter((r) => r.status === "fulfilled").length === 1, "not exactly one success");
    },
  },
  {
    name: "rotates refresh tokens and revokes the family on reuse",
    async run() {
      const s = await setup();
      const { refreshToken } = await s.exchange(await s.sign());
      const rotated = await s.engine.exchangeRefreshToken({
        client: s.client,
        refreshToken,
        scope: undefined,
      });
      await rejectsWith(
        s.engine.exchangeRefreshToken({ client: s.client, refreshToken, scope: undefined }),
        "invalid_grant",
        "refresh_token_reused",
      );
      await rejectsWith(
        s.engine.exchangeRefreshToken({
          client: s.client,
          refreshToken: rotated.refreshToken,
          scope: undefined,
        }),
        "invalid_grant",
        "refresh_token_revoked",
      );
    },
  },
  {
    name: "answers a refresh retried within the reuse grace with the same successor",
    async run() {
      const s = await setup("ES256", "ES256", 5);
      const { refreshToken } = await s.exchange(await s.sign());
      const rotated = await s.engine.exchangeRefreshToken({
        client: s.client,
        refreshToken,
        scope: undefined,
      });
      s.clock.advance(5);
      const retried = await s.engine.exchangeRefreshToken({
        client: s.client,
        refreshToken,
        scope: undefined,
      });
      check(retried.refreshToken === rotated.refreshToken, "the retry got another refresh token");
      check(retried.accessToken !== rotated.accessToken, "the retry got the same access token");
      s.clock.advance(1);
      await rejectsWith(
        s.engine.exchangeRefreshToken({ client: s.client, refreshToken, scope: undefined }),
        "invalid_grant",
        "refresh_token_reused",
      );
    },
  },
  {
    name: "introspects and revokes an access token",
    async run() {
      const s = await setup();
      const { accessToken } = await s.exchange(await s.sign());
      check((await s.engine.introspectToken({ client: s.client, token: accessToken })).active, "not active");
      await s.engine.revokeToken({ client: s.client, token: accessToken });
      check(
        !(await s.engine.introspectToken({ client: s.client, token: accessToken })).active,
        "still active",
      );
    },
  },
  {
    name: "authenticates client_secret_basic and private_key_jwt clients",
    async run() {
      const s = await setup();
      const { client, clientSecret } = await s.engine.clients.create(BOOTSTRAP_ADMIN, {});
      await s.engine.authenticateClient({
        basic: { clientId: client.clientId, clientSecret: clientSecret ?? "" },
      });
      await rejectsWith(
        s.engine.authenticateClient({ basic: { clientId: client.clientId, clientSecret: "x" } }),
        "invalid_client",
      );
      const key = await generateTestKey("EdDSA", "ck");
      const { client: jwtClient } = await s.engine.clients.create(BOOTSTRAP_ADMIN, {
        tokenEndpointAuthMethod: "private_key_jwt",
        jwks: { keys: [key.publicJwk] },
      });
      const now = s.clock.nowSeconds();
      const id = jwtClient.clientId;
      const clientAssertion = await signTestJws(
        key,
        { iss: id, sub: id, aud: SERVER, exp: now + 60, jti: "c1" },
        { kid: "ck" },
      );
      const presented = { clientAssertion, clientAssertionType: JWT_BEARER_CLIENT_ASSERTION_TYPE };
      await s.engine.authenticateClient(presented);
      await rejectsWith(
        s.engine.authenticateClient(presented),
        "invalid_client",
        "client_assertion_replayed",
      );
    },
  },
  ...crossAppAccess,
];
