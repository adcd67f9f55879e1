// The engine's key rules, phrased so that any runtime can run them against the built package.
import {
  ASYMMETRIC_ALGORITHMS,
  BOOTSTRAP_ADMIN,
  JWT_BEARER_CLIENT_ASSERTION_TYPE,
  SIGNING_ALGORITHMS,
} from "../dist/index.js";
import { signTestJws } from "../dist/testing/sign-test-jws.js";
import { ecCertificate } from "../dist/testing/test-certificates.js";
import { generateTestKey, importTestKey } from "../dist/testing/test-keys.js";
import { crossAppScenarios } from "./cross-app-scenarios.ts";
import { check, IDP, rejectsWith, type Scenario, SERVER, setup, verifyAccessToken } from "./harness.ts";

export type { Scenario } from "./harness.ts";

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
  ...crossAppScenarios,
];
