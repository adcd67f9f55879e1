// The policy variant's two assertions: a GitHub Actions job's, for an issuer with a trust rule, and the same
// job's claims from the plain issuer, padded to the same size, so that the two differ in nothing but the rule's work.
import type { ClaimsFor } from "./assertions.js";
import { fixedWidthJti, jsonBytes, paddedTo } from "./claim-sizes.js";

export const GITHUB = "https://token.actions.githubusercontent.com";

/** One rule of six conditions and two mapped claims, as a GitHub Actions preset with extras would write it. */
export const POLICY_RULES = [
  {
    name: "deploy-release",
    when: {
      repository_owner_id: { eq: "65" },
      repository_id: { eq: "74" },
      ref: { glob: "refs/heads/release/*" },
      environment: { eq: "prod" },
      event_name: { in: ["push", "workflow_dispatch"] },
      workflow_ref: { exists: true },
    },
    claims: { repository: "repository", workflow: "job_workflow_ref" },
  },
];

const SHA = "2f1c4e5a8d6b3c7e9f0a1b2c3d4e5f6a7b8c9d0e";

/** A GitHub Actions job's claims, by the names and in the order GitHub writes them, matching the rule. */
export const githubJobClaims =
  (audience: string): ClaimsFor =>
  (now, serial) => ({
    jti: fixedWidthJti(serial),
    sub: "repo:octo-org@65/octo-repo@74:environment:prod",
    environment: "prod",
    aud: audience,
    ref: "refs/heads/release/1.2",
    sha: SHA,
    repository: "octo-org/octo-repo",
    repository_owner: "octo-org",
    actor_id: "12",
    repository_visibility: "private",
    repository_id: "74",
    repository_owner_id: "65",
    run_id: "5123456789",
    run_number: "10",
    run_attempt: "1",
    runner_environment: "github-hosted",
    actor: "octocat",
    workflow: "deploy",
    head_ref: "",
    base_ref: "",
    event_name: "push",
    ref_protected: "true",
    ref_type: "branch",
    workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/release/1.2",
    workflow_sha: SHA,
    job_workflow_ref: "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main",
    job_workflow_sha: SHA,
    iss: GITHUB,
    nbf: now - 600,
    exp: now + 300,
    iat: now,
  });

/**
 * The plain issuer's claims: the same job's, issued by `issuer`, and a `padding` claim that brings them to the
 * byte size of `twin`'s. Both servers then parse and verify the same claims; only the rule's work differs.
 */
export function paddedPlainClaims(issuer: string, twin: ClaimsFor): ClaimsFor {
  const plain: ClaimsFor = (now, serial) => ({ ...twin(now, serial), iss: issuer });
  return paddedTo(plain, jsonBytes, jsonBytes(twin(Math.floor(Date.now() / 1000), 1)));
}
