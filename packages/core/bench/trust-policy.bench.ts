import { bench, describe } from "vitest";
import { compileTrustPolicy } from "../src/trust-policy/compile-trust-policy.js";
import { matchTrustPolicy } from "../src/trust-policy/match-trust-policy.js";
import { parseTrustRules } from "../src/trust-policy/parse-trust-rules.js";

// The claims of a GitHub Actions OIDC token, with the names GitHub gives them.
const claims = {
  iss: "https://token.actions.githubusercontent.com",
  aud: "https://api.example.com/sts",
  sub: "repo:octo-org/octo-repo:environment:prod",
  jti: "2a6f9a1e-5d0c-4c4e-9d59-8f0c1b2a3e4d",
  repository: "octo-org/octo-repo",
  repository_id: "74",
  repository_owner: "octo-org",
  repository_owner_id: "65",
  repository_visibility: "private",
  ref: "refs/heads/release/1.2",
  ref_type: "branch",
  ref_protected: "true",
  environment: "prod",
  workflow: "deploy",
  workflow_ref: "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/release/1.2",
  workflow_sha: "2f1c4e5a8d6b3c7e9f0a1b2c3d4e5f6a7b8c9d0e",
  job_workflow_ref: "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main",
  job_workflow_sha: "9d0e2f1c4e5a8d6b3c7e9f0a1b2c3d4e5f6a7b8c",
  sha: "2f1c4e5a8d6b3c7e9f0a1b2c3d4e5f6a7b8c9d0e",
  actor: "octocat",
  actor_id: "12",
  event_name: "push",
  run_id: "5123456789",
  run_number: "10",
  run_attempt: "1",
  runner_environment: "github-hosted",
  nbf: 1_764_880_000,
  exp: 1_764_880_900,
  iat: 1_764_880_300,
};

const policy = compileTrustPolicy(
  parseTrustRules([
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
  ]),
);

if (!matchTrustPolicy(policy, claims).matched) throw new Error("the benchmark's rule must match its claims");

// Run with `pnpm vitest bench --run bench/trust-policy.bench.ts` in packages/core; the mean is per call.
describe("trust policy", () => {
  bench("matchTrustPolicy: 6 conditions, 2 mapped claims, GitHub Actions claims", () => {
    matchTrustPolicy(policy, claims);
  });
});
