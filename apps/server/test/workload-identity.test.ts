import { ecCertificate } from "@jwtgrant/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, type RegisteredClient, verifyAccessToken } from "./support/classic-flow.js";
import { type DocumentHost, startDocumentHost } from "./support/document-host.js";
import { createIssuerKey, type IssuerKey, importIssuerKey } from "./support/issuer-key.js";
import { type ServerOnTestDatabase, startServerOnTestDatabase } from "./support/server-on-test-database.js";
import {
  githubActionsClaims,
  gitlabCiClaims,
  kubernetesClaims,
  type Minting,
  OCTO_FORK,
  OCTO_SITE,
  PLATFORM_DOCS,
  spiffeSvidClaims,
} from "./support/workload-claims.js";
import { createClient, createIssuer, exchangeAssertion, type TokenAnswer } from "./support/workload-flow.js";

// The server's issuer identifier: the `aud` the workloads request, and the `iss` of its access tokens.
const SERVER = "https://sts.jwtgrant.test";
const GITHUB = "https://token.actions.githubusercontent.com";
const GITLAB = "https://gitlab.com";
const KUBERNETES = "https://kubernetes.default.svc.cluster.local";
// SPIRE's `jwt_issuer`: without it a JWT-SVID carries no `iss`, and no trusted issuer could be found for it.
const SPIRE = "https://oidc-discovery.example.org";
const SPIFFE_AUDIENCE = "spiffe://example.org/jwtgrant";
const LEDGER = "spiffe://example.org/ns/prod/ledger";

// The rules each preset writes: immutable ids pinned with `eq`, refs by glob, no refresh tokens.
const GITHUB_RULES = [
  {
    name: "github-actions",
    when: {
      repository_owner_id: { eq: "65" },
      repository_id: { eq: "74" },
      ref: { glob: "refs/heads/*" },
      environment: { eq: "prod" },
    },
    refresh_tokens: false,
  },
];
const GITLAB_RULES = [
  {
    name: "gitlab-ci",
    when: {
      namespace_id: { eq: "68413579" },
      project_id: { eq: "46573356" },
      ref_protected: { eq: "true" },
    },
    refresh_tokens: false,
  },
];
const KUBERNETES_RULES = [
  {
    name: "kubernetes",
    when: {
      "/kubernetes.io/namespace": { eq: "payments" },
      "/kubernetes.io/serviceaccount/name": { eq: "ledger" },
    },
    refresh_tokens: false,
  },
];
const SPIFFE_RULES = [
  { name: "spiffe", when: { sub: { glob: "spiffe://example.org/ns/prod/*" } }, refresh_tokens: false },
];

const now = () => Math.floor(Date.now() / 1000);
const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, "");

function expectRefused(answer: TokenAnswer, description: string) {
  expect(answer).toStrictEqual({
    status: 400,
    body: { error: "invalid_grant", error_description: description },
  });
}

describe("workload identity tokens exchanged at the running server", () => {
  let running: ServerOnTestDatabase;
  let host: DocumentHost;
  let keys: Record<"github" | "gitlab" | "kubernetes" | "spire" | "x509Authority", IssuerKey>;
  let githubIssuer: string;
  let ci: RegisteredClient;
  let workloads: RegisteredClient;

  const url = () => running.server.url;
  const minting = (issuer: string, audience = SERVER): Minting => ({ issuer, audience, now: now() });

  async function expectGranted(
    answer: TokenAnswer,
    client: RegisteredClient,
    token: { sub: string; assertionIssuer: string; scope: string },
  ) {
    expect(answer).toStrictEqual({
      status: 200,
      body: { access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: token.scope },
    });
    const claims = await verifyAccessToken(url(), String(answer.body.access_token), SERVER);
    expect(claims).toStrictEqual({
      iss: SERVER,
      sub: token.sub,
      aud: SERVER,
      client_id: client.clientId,
      scope: token.scope,
      jti: expect.any(String),
      iat: expect.any(Number),
      exp: expect.any(Number),
      assertion_iss: token.assertionIssuer,
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
  }

  beforeAll(async () => {
    [running, host, keys] = await Promise.all([
      startServerOnTestDatabase({ JWTGRANT_ISSUER: SERVER }),
      startDocumentHost(),
      (async () => ({
        github: await createIssuerKey("RS256", "38826b17-6a30-5f9b-b169-8beb8202f723"),
        gitlab: await createIssuerKey("RS256", "kewiQq9jiC84CvSsJYOB-N6A8WFLSV20Mb-y7IlWDSQ"),
        kubernetes: await createIssuerKey("RS256", "OAjVVaejWFc0Yt9ykr0_8lMMuRNs67OXTWHsN02Pkyw"),
        spire: await createIssuerKey("ES256", "KvDe8mvcbHi5xDR1Xt8ZRYmrvRPI8mtE", { use: "jwt-svid" }),
        x509Authority: await importIssuerKey(
          "ES256",
          "x509-authority",
          ecCertificate.testOnlyPrivateKeyPkcs8,
          { use: "x509-svid", x5c: [pemBody(ecCertificate.certificate)] },
        ),
      }))(),
    ]);
    const { origin } = host;
    // A stand-in for token.actions.githubusercontent.com: discovery is fetched over plain HTTP on loopback only.
    githubIssuer = `${origin}/github`;
    host.serve("/github/.well-known/openid-configuration", {
      issuer: githubIssuer,
      jwks_uri: `${githubIssuer}/.well-known/jwks`,
      subject_types_supported: ["public", "pairwise"],
      response_types_supported: ["id_token"],
      claims_supported: [
        "sub",
        "aud",
        "exp",
        "iat",
        "iss",
        "jti",
        "nbf",
        "ref",
        "repository",
        "repository_id",
      ],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid"],
    });
    host.serve("/github/.well-known/jwks", { keys: [keys.github.publicJwk] });
    host.serve("/gitlab/oauth/discovery/keys", { keys: [keys.gitlab.publicJwk] });
    host.serve("/kubernetes/openid/v1/jwks", { keys: [keys.kubernetes.publicJwk] });
    // A SPIFFE bundle: the X.509 authority verifies X.509-SVIDs only, the jwt-svid key JWT-SVIDs.
    host.serve("/spire/bundle", {
      keys: [keys.x509Authority.publicJwk, keys.spire.publicJwk],
      spiffe_refresh_hint: 300,
      spiffe_sequence: 12035488,
    });

    await createIssuer(url(), { issuer: githubIssuer, discovery: true, rules: GITHUB_RULES });
    await createIssuer(url(), {
      issuer: GITLAB,
      jwks_uri: `${origin}/gitlab/oauth/discovery/keys`,
      rules: GITLAB_RULES,
    });
    await createIssuer(url(), {
      issuer: KUBERNETES,
      jwks_uri: `${origin}/kubernetes/openid/v1/jwks`,
      rules: KUBERNETES_RULES,
      assertion_reuse: "allowed",
    });
    await createIssuer(url(), {
      issuer: SPIRE,
      jwks_uri: `${origin}/spire/bundle`,
      audiences: [SPIFFE_AUDIENCE],
      rules: SPIFFE_RULES,
      assertion_reuse: "allowed",
    });
    ci = await createClient(url(), {
      client_name: "deployments",
      scope: "deploy",
      trusted_issuers: [githubIssuer, GITHUB, GITLAB],
    });
    workloads = await createClient(url(), {
      client_name: "ledger",
      scope: "ledger:write",
      trusted_issuers: [KUBERNETES, SPIRE],
    });
  });

  afterAll(async () => {
    await host?.close();
    expect(await running?.stop()).toBe(0);
  });

  describe("GitHub Actions, its keys found through OpenID Provider discovery", () => {
    it("grants a job of the pinned repository deploying to its environment", async () => {
      const claims = githubActionsClaims(minting(githubIssuer));
      const answer = await exchangeAssertion(url(), ci, await keys.github.sign(claims, { typ: "JWT" }));
      await expectGranted(answer, ci, {
        sub: "repo:octo-org@65/octo-repo@74:environment:prod",
        assertionIssuer: githubIssuer,
        scope: "deploy",
      });
      expect(host.hits("/github/.well-known/openid-configuration")).toBe(1);
      expect(host.hits("/github/.well-known/jwks")).toBe(1);
    });

    it("refuses a neighbour, naming the rule and the first claim that failed", async () => {
      const cases = [
        [{ repository: OCTO_SITE }, "github-actions (repository_id)"],
        [{ repository: OCTO_FORK }, "github-actions (repository_owner_id)"],
        [{ ref: "refs/heads/feature/login" }, "github-actions (ref)"],
        [{ environment: "staging" }, "github-actions (environment)"],
      ] as const;
      for (const [job, where] of cases) {
        const assertion = await keys.github.sign(githubActionsClaims(minting(githubIssuer), job));
        expectRefused(
          await exchangeAssertion(url(), ci, assertion),
          `no trust rule matched the assertion: ${where}`,
        );
      }
    });

    it("holds GitHub's own issuer identifier to its guardrails, then grants under the same rules", async () => {
      const jwksUri = `${host.origin}/github/.well-known/jwks`;
      const refusals = [
        [
          { rules: [{ name: "any-main", when: { ref: { eq: "refs/heads/main" } } }] },
          "rules[0]",
          "rules[0]: must pin one of repository_owner_id, repository_id, enterprise_id with eq or in: GitHub Actions signs for many tenants",
        ],
        [
          { rules: GITHUB_RULES, assertion_reuse: "allowed" },
          "assertion_reuse",
          "assertion_reuse: must be single_use: GitHub Actions mints a token per job",
        ],
      ] as const;
      for (const [fields, field, description] of refusals) {
        const response = await admin(url(), "POST", "/issuers", {
          issuer: GITHUB,
          jwks_uri: jwksUri,
          ...fields,
        });
        expect({ status: response.status, body: await response.json() }).toStrictEqual({
          status: 400,
          body: { error: "invalid_request", error_description: description, field },
        });
      }
      await createIssuer(url(), { issuer: GITHUB, jwks_uri: jwksUri, rules: GITHUB_RULES });
      const answer = await exchangeAssertion(
        url(),
        ci,
        await keys.github.sign(githubActionsClaims(minting(GITHUB))),
      );
      await expectGranted(answer, ci, {
        sub: "repo:octo-org@65/octo-repo@74:environment:prod",
        assertionIssuer: GITHUB,
        scope: "deploy",
      });
    });
  });

  describe("GitLab CI/CD ID tokens", () => {
    it("grants a protected-branch job of the pinned project, and refuses its token a second time", async () => {
      const assertion = await keys.gitlab.sign(gitlabCiClaims(minting(GITLAB)), { typ: "JWT" });
      await expectGranted(await exchangeAssertion(url(), ci, assertion), ci, {
        sub: "project_path:acme-platform/billing-api:ref_type:branch:ref:main",
        assertionIssuer: GITLAB,
        scope: "deploy",
      });
      expectRefused(await exchangeAssertion(url(), ci, assertion), "the assertion has already been used");
    });

    it("refuses another project of the group, and a job on an unprotected branch", async () => {
      const cases = [
        [{ project: PLATFORM_DOCS }, "gitlab-ci (project_id)"],
        [{ branch: "feature-x", refProtected: "false" }, "gitlab-ci (ref_protected)"],
      ] as const;
      for (const [job, where] of cases) {
        const assertion = await keys.gitlab.sign(gitlabCiClaims(minting(GITLAB), job));
        expectRefused(
          await exchangeAssertion(url(), ci, assertion),
          `no trust rule matched the assertion: ${where}`,
        );
      }
    });
  });

  describe("Kubernetes projected service account tokens", () => {
    it("grants the same token three times: its issuer allows reuse", async () => {
      const assertion = await keys.kubernetes.sign(kubernetesClaims(minting(KUBERNETES)));
      const accessTokens = new Set<unknown>();
      for (let round = 0; round < 3; round++) {
        const answer = await exchangeAssertion(url(), workloads, assertion);
        await expectGranted(answer, workloads, {
          sub: "system:serviceaccount:payments:ledger",
          assertionIssuer: KUBERNETES,
          scope: "ledger:write",
        });
        accessTokens.add(answer.body.access_token);
      }
      expect(accessTokens.size).toBe(3);
    });

    it("refuses a pod of another namespace, and another service account of the namespace", async () => {
      const cases = [
        [{ namespace: "payments-staging" }, "kubernetes (/kubernetes.io/namespace)"],
        [{ serviceAccount: "default" }, "kubernetes (/kubernetes.io/serviceaccount/name)"],
      ] as const;
      for (const [pod, where] of cases) {
        const assertion = await keys.kubernetes.sign(kubernetesClaims(minting(KUBERNETES), pod));
        expectRefused(
          await exchangeAssertion(url(), workloads, assertion),
          `no trust rule matched the assertion: ${where}`,
        );
      }
    });
  });

  describe("SPIFFE JWT-SVIDs", () => {
    it("grants an SVID without jti, for an audience its issuer adds, as often as it is presented", async () => {
      const claims = spiffeSvidClaims(minting(SPIRE, SPIFFE_AUDIENCE), LEDGER);
      expect(claims).not.toHaveProperty("jti");
      const assertion = await keys.spire.sign(claims, { typ: "JWT" });
      for (let round = 0; round < 2; round++) {
        await expectGranted(await exchangeAssertion(url(), workloads, assertion), workloads, {
          sub: LEDGER,
          assertionIssuer: SPIRE,
          scope: "ledger:write",
        });
      }
    });

    it("refuses another trust domain, and an SVID signed with the bundle's X.509 authority", async () => {
      const foreign = spiffeSvidClaims(
        minting(SPIRE, SPIFFE_AUDIENCE),
        "spiffe://partner.example/ns/prod/ledger",
      );
      expectRefused(
        await exchangeAssertion(url(), workloads, await keys.spire.sign(foreign)),
        "no trust rule matched the assertion: spiffe (sub)",
      );
      const ours = spiffeSvidClaims(minting(SPIRE, SPIFFE_AUDIENCE), LEDGER);
      expectRefused(
        await exchangeAssertion(url(), workloads, await keys.x509Authority.sign(ours)),
        'no key of the issuer has kid "x509-authority" and fits alg ES256',
      );
    });
  });

  it("refuses a workload's token from a client limited to the CI issuers", async () => {
    const assertion = await keys.kubernetes.sign(kubernetesClaims(minting(KUBERNETES)));
    expectRefused(
      await exchangeAssertion(url(), ci, assertion),
      "the client may not present assertions from this issuer",
    );
  });
});
