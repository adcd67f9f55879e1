import { describe, expect, it } from "vitest";
import { BOOTSTRAP_ADMIN } from "../src/domain/admin-actor.js";
import { expectOAuthError } from "./support/expect-oauth-error.js";
import { createHarness, IDP } from "./support/harness.js";

const GITHUB = "https://token.actions.githubusercontent.com";

/** A GitHub Actions job's claims (names and string-typed ids as GitHub publishes them). */
const job = (overrides: Record<string, unknown> = {}) => ({
  sub: "repo:octo-org/octo-repo:environment:prod",
  repository: "octo-org/octo-repo",
  repository_id: "74",
  repository_owner: "octo-org",
  repository_owner_id: "65",
  ref: "refs/heads/main",
  environment: "prod",
  event_name: "push",
  workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
  ...overrides,
});

const DEPLOY_RULE = {
  name: "deploy",
  when: {
    repository_owner_id: { eq: "65" },
    repository_id: { eq: "74" },
    ref: { glob: "refs/heads/*" },
    environment: { eq: "prod" },
    event_name: { in: ["push", "workflow_dispatch"] },
    workflow_ref: { exists: true },
  },
  scope: "read",
  subject: "gh:{repository_id}:{ref}",
  claims: { repository: "repository", env: "environment" },
  access_token_ttl: 300,
  refresh_tokens: false,
};

/** What the deploy rule grants the job. */
const DEPLOY_GRANT = {
  subject: "gh:74:refs/heads/main",
  assertionIssuer: GITHUB,
  scope: "read",
  expiresInSeconds: 300,
  refreshToken: false,
  claims: { repository: "octo-org/octo-repo", env: "prod" },
};

const READ_RULE = {
  name: "read-main",
  when: { repository_owner_id: { eq: "65" }, ref: { eq: "refs/heads/main" } },
};

async function githubHarness(rules: unknown[] = [DEPLOY_RULE, READ_RULE]) {
  return createHarness({ issuer: { issuer: GITHUB, rules } });
}

describe("trust rules at the jwt-bearer grant", () => {
  it("grants what the first matching rule says: its scope, subject, mapped claims, TTL and no refresh token", async () => {
    const h = await githubHarness();
    const claims = h.claims({ iss: GITHUB, ...job() });
    await h.expectIssued(h.exchange(await h.sign(claims)), DEPLOY_GRANT);
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({
      outcome: "granted",
      rule: "deploy",
      subject: "repo:octo-org/octo-repo:environment:prod",
    });
  });

  it("falls through to a later rule, which keeps the defaults", async () => {
    const h = await githubHarness();
    const claims = h.claims({ iss: GITHUB, ...job({ environment: "staging" }) });
    await h.expectIssued(h.exchange(await h.sign(claims)), {
      subject: "repo:octo-org/octo-repo:environment:prod",
      assertionIssuer: GITHUB,
    });
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({ rule: "read-main" });
  });

  it("refuses a neighbour: another repository of the owner, another owner, a nested branch", async () => {
    const h = await githubHarness([DEPLOY_RULE]);
    const cases = [
      [job({ repository_id: "75" }), "deploy (repository_id)"],
      [job({ repository_owner_id: "66" }), "deploy (repository_owner_id)"],
      [job({ repository_owner_id: 65 }), "deploy (repository_owner_id)"],
      [job({ ref: "refs/heads/feature/x" }), "deploy (ref)"],
      [job({ workflow_ref: undefined }), "deploy (workflow_ref)"],
    ] as const;
    for (const [claims, where] of cases) {
      const error = await expectOAuthError(
        h.exchange(await h.sign(h.claims({ iss: GITHUB, ...claims }))),
        "invalid_grant",
        "no_rule_matched",
      );
      expect(error.description).toBe(`no trust rule matched the assertion: ${where}`);
      expect(error.description).not.toContain("65");
    }
    expect((await h.storage.auditLog.recent(1))[0]).toMatchObject({
      outcome: "refused",
      reason: "no_rule_matched",
      rule: "deploy (workflow_ref)",
    });
  });

  it("names each rule's first failed claim, in the order written", async () => {
    const h = await githubHarness();
    const error = await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iss: GITHUB, ...job({ repository_owner_id: "1", ref: "x" }) }))),
      "invalid_grant",
      "no_rule_matched",
    );
    expect(error.description).toBe(
      "no trust rule matched the assertion: deploy (repository_owner_id), read-main (repository_owner_id)",
    );
  });

  it("caps the requested scope by the rule's", async () => {
    const h = await githubHarness();
    await expectOAuthError(
      h.exchange(await h.sign(h.claims({ iss: GITHUB, ...job() })), "write"),
      "invalid_scope",
      "scope_not_allowed",
    );
  });

  it("consumes no jti when the rules refuse, so a corrected policy can accept the same assertion", async () => {
    const h = await githubHarness([
      { ...DEPLOY_RULE, when: { repository_id: { eq: "1" }, repository_owner_id: { eq: "65" } } },
    ]);
    const assertion = await h.sign(h.claims({ iss: GITHUB, ...job() }));
    await expectOAuthError(h.exchange(assertion), "invalid_grant", "no_rule_matched");
    await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { rules: [DEPLOY_RULE] });
    await h.expectIssued(h.exchange(assertion), DEPLOY_GRANT);
  });
});

describe("trust rules at save", () => {
  it("refuses a multi-tenant issuer without rules, or with a rule that pins no tenant", async () => {
    const h = await createHarness();
    const jwks = { keys: [h.key.publicJwk] };
    const noRules = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, { issuer: GITHUB, jwks }),
      "invalid_request",
    );
    expect(noRules.field).toEqual(["rules"]);
    const unpinned = await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: `${GITHUB}/`,
        jwks,
        rules: [DEPLOY_RULE, { name: "loose", when: { ref: { glob: "refs/heads/*" } } }],
      }),
      "invalid_request",
      "invalid_field",
    );
    expect(unpinned.field?.slice(0, 2)).toEqual(["rules", 1]);
    await expectOAuthError(
      h.engine.issuers.create(BOOTSTRAP_ADMIN, {
        issuer: GITHUB,
        jwks,
        rules: [DEPLOY_RULE],
        assertionReuse: "allowed",
      }),
      "invalid_request",
    );
  });

  it("holds a rename into a multi-tenant issuer to the guardrails, and leaves the issuer as it was", async () => {
    const h = await createHarness();
    const error = await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { issuer: GITHUB }),
      "invalid_request",
    );
    expect(error.field).toEqual(["rules"]);
    expect(await h.engine.issuers.get(h.issuer.id)).toEqual(h.issuer);
  });

  it("lets a bad rule change nothing, names its path, and removes rules with null", async () => {
    const h = await createHarness({ issuer: { rules: [READ_RULE] } });
    const error = await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, {
        name: "renamed",
        rules: [READ_RULE, { name: "x", when: { ref: { glob: 7 } } }],
      }),
      "invalid_request",
      "invalid_field",
    );
    expect(error.field).toEqual(["rules", 1, "when", "ref"]);
    expect(error.description).toBe("rules[1].when.ref: glob must be a string");
    expect(await h.engine.issuers.get(h.issuer.id)).toEqual(h.issuer);
    expect((await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { rules: null })).rules).toBe(null);
    await h.expectIssued(h.exchange(await h.sign(h.claims({ iss: IDP }))));
  });

  it("can still disable a multi-tenant issuer that was registered before its guardrails", async () => {
    const h = await createHarness();
    await h.storage.trustedIssuers.update({ ...h.issuer, issuer: GITHUB });
    expect((await h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { enabled: false })).enabled).toBe(
      false,
    );
    await expectOAuthError(
      h.engine.issuers.update(BOOTSTRAP_ADMIN, h.issuer.id, { enabled: true }),
      "invalid_request",
    );
  });
});

describe("an access token's mapped claims", () => {
  it("never replace a claim the server sets, even from a rule stored without the check", async () => {
    const h = await createHarness();
    await h.storage.trustedIssuers.update({
      ...h.issuer,
      rules: [
        {
          name: "raw",
          conditions: [{ claim: "sub", operator: "exists", value: true }],
          scope: null,
          subject: null,
          claims: [
            { target: "sub", source: "other" },
            { target: "team", source: "team" },
          ],
          accessTokenTtl: null,
          refreshTokens: true,
        },
      ],
    });
    await h.expectIssued(h.exchange(await h.sign(h.claims({ other: "forged", team: "payments" }))), {
      claims: { team: "payments" },
    });
  });
});
