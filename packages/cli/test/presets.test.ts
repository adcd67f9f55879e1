import { describe, expect, it } from "vitest";
import { buildPreset } from "../src/presets/build-preset.js";
import { githubActionsPreset } from "../src/presets/github-actions-preset.js";
import { gitlabPreset } from "../src/presets/gitlab-preset.js";
import type { PresetOptions } from "../src/presets/issuer-preset.js";
import { kubernetesPreset } from "../src/presets/kubernetes-preset.js";
import { spiffePreset } from "../src/presets/spiffe-preset.js";
import { UsageError } from "../src/usage-error.js";

/** The message of the usage error `build` throws; fails the test when it throws nothing or something else. */
function usageError(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error("expected a usage error");
}

describe("github-actions", () => {
  it("pins the owner id as a string, with discovery on GitHub.com's issuer and no refresh tokens", () => {
    expect(githubActionsPreset({ ownerId: "1342004" })).toEqual({
      issuer: "https://token.actions.githubusercontent.com",
      keys: "discovery",
      rules: [
        { name: "github-actions", when: { repository_owner_id: { eq: "1342004" } }, refresh_tokens: false },
      ],
    });
  });

  it("adds the repository id, the ref and workflow refs as globs, and the environment, in that order", () => {
    const { rules } = githubActionsPreset({
      ownerId: "1342004",
      repositoryId: "260064828",
      ref: "refs/heads/release/*",
      environment: "production",
      workflowRef: "acme/app/.github/workflows/deploy.yml@refs/heads/*",
      jobWorkflowRef: "acme/shared/.github/workflows/release.yml@refs/tags/v*",
    });
    expect(rules).toEqual([
      {
        name: "github-actions",
        when: {
          repository_owner_id: { eq: "1342004" },
          repository_id: { eq: "260064828" },
          ref: { glob: "refs/heads/release/*" },
          environment: { eq: "production" },
          workflow_ref: { glob: "acme/app/.github/workflows/deploy.yml@refs/heads/*" },
          job_workflow_ref: { glob: "acme/shared/.github/workflows/release.yml@refs/tags/v*" },
        },
        refresh_tokens: false,
      },
    ]);
    // The order of the conditions is the order they are evaluated in, so the order of the keys is checked too.
    expect(Object.keys(rules[0]?.when ?? {})).toEqual([
      "repository_owner_id",
      "repository_id",
      "ref",
      "environment",
      "workflow_ref",
      "job_workflow_ref",
    ]);
  });

  it("needs --owner-id", () => {
    expect(usageError(() => githubActionsPreset({ repositoryId: "260064828" }))).toBe(
      "--preset github-actions needs --owner-id <id>",
    );
  });

  it("refuses a ref that is not a full ref, which GitHub's tokens never carry", () => {
    expect(usageError(() => githubActionsPreset({ ownerId: "1", ref: "main" }))).toBe(
      "--ref must be a full ref as GitHub writes it, e.g. refs/heads/main or refs/tags/v*",
    );
  });
});

describe("gitlab", () => {
  it("pins the namespace id as a string, with discovery on gitlab.com and no refresh tokens", () => {
    expect(gitlabPreset({ namespaceId: "12885807" })).toEqual({
      issuer: "https://gitlab.com",
      keys: "discovery",
      rules: [{ name: "gitlab-ci", when: { namespace_id: { eq: "12885807" } }, refresh_tokens: false }],
    });
  });

  it('adds the project id, the ref as a glob and ref_protected as the string "true"', () => {
    expect(
      gitlabPreset({ namespaceId: "12885807", projectId: "53804090", ref: "release/*", refProtected: true })
        .rules,
    ).toEqual([
      {
        name: "gitlab-ci",
        when: {
          namespace_id: { eq: "12885807" },
          project_id: { eq: "53804090" },
          ref: { glob: "release/*" },
          ref_protected: { eq: "true" },
        },
        refresh_tokens: false,
      },
    ]);
  });

  it("needs --namespace-id, and refuses a full ref, which GitLab's ref claim never is", () => {
    expect(usageError(() => gitlabPreset({ projectId: "1" }))).toBe(
      "--preset gitlab needs --namespace-id <id>",
    );
    expect(usageError(() => gitlabPreset({ namespaceId: "1", ref: "refs/heads/main" }))).toBe(
      "--ref must be a branch or tag name as GitLab writes it, e.g. main or release/*",
    );
  });
});

describe("kubernetes", () => {
  it("pins the namespace and the service account by JSON Pointer, allows reuse and needs keys and an issuer", () => {
    expect(kubernetesPreset({ namespace: "prod", serviceAccount: "deployer" })).toEqual({
      keys: "required",
      rules: [
        {
          name: "kubernetes",
          when: {
            "/kubernetes.io/namespace": { eq: "prod" },
            "/kubernetes.io/serviceaccount/name": { eq: "deployer" },
          },
          refresh_tokens: false,
        },
      ],
      assertionReuse: "allowed",
    });
    expect(kubernetesPreset({ namespace: "prod" }).rules).toEqual([
      { name: "kubernetes", when: { "/kubernetes.io/namespace": { eq: "prod" } }, refresh_tokens: false },
    ]);
  });

  it("needs --namespace, and names that Kubernetes allows", () => {
    expect(usageError(() => kubernetesPreset({ serviceAccount: "x" }))).toBe(
      "--preset kubernetes needs --namespace <name>",
    );
    expect(usageError(() => kubernetesPreset({ namespace: "Prod" }))).toBe(
      "--namespace must be a Kubernetes namespace name: a-z, 0-9 and -, at most 63",
    );
    expect(usageError(() => kubernetesPreset({ namespace: "a".repeat(64) }))).toMatch(/^--namespace must be/);
    expect(usageError(() => kubernetesPreset({ namespace: "prod", serviceAccount: "-x" }))).toBe(
      "--service-account must be a Kubernetes service account name: a-z, 0-9, - and ., at most 253",
    );
  });
});

describe("spiffe", () => {
  it("admits the trust domain's SPIFFE IDs by a glob on sub with a literal start, and allows reuse", () => {
    expect(spiffePreset({ trustDomain: "example.org" })).toEqual({
      keys: "required",
      rules: [{ name: "spiffe", when: { sub: { glob: "spiffe://example.org/**" } }, refresh_tokens: false }],
      assertionReuse: "allowed",
    });
  });

  it("narrows to a path prefix", () => {
    expect(spiffePreset({ trustDomain: "prod.acme.com", pathPrefix: "/ns/payments" }).rules).toEqual([
      {
        name: "spiffe",
        when: { sub: { glob: "spiffe://prod.acme.com/ns/payments/**" } },
        refresh_tokens: false,
      },
    ]);
  });

  it("needs --trust-domain, and refuses wildcards and malformed paths", () => {
    expect(usageError(() => spiffePreset({}))).toBe("--preset spiffe needs --trust-domain <name>");
    for (const trustDomain of ["*", "Example.org", "example.org/x", ""]) {
      expect(usageError(() => spiffePreset({ trustDomain }))).toBe(
        "--trust-domain must be a SPIFFE trust domain name: a-z, 0-9, ., - and _",
      );
    }
    for (const pathPrefix of ["ns/prod", "/ns/prod/", "/ns/*", "/ns//prod", "/ns/../x", "/.", ""]) {
      expect(usageError(() => spiffePreset({ trustDomain: "example.org", pathPrefix }))).toMatch(
        /^--path-prefix must be a SPIFFE ID path such as \/ns\/prod/,
      );
    }
  });
});

describe("buildPreset", () => {
  it("builds the named preset from the command line's options, ignoring the command's others", () => {
    const options = { ownerId: "7", url: new URL("http://127.0.0.1:8080"), name: "GitHub" };
    expect(buildPreset("github-actions", options)).toEqual(githubActionsPreset({ ownerId: "7" }));
    const none: PresetOptions & { readonly name: string } = { name: "no preset" };
    expect(buildPreset(undefined, none)).toBeNull();
  });

  it("refuses an option of another preset, and a preset option without --preset", () => {
    expect(usageError(() => buildPreset("gitlab", { namespaceId: "1", ownerId: "2" }))).toBe(
      "--owner-id is not an option of --preset gitlab",
    );
    expect(usageError(() => buildPreset("spiffe", { trustDomain: "a", serviceAccount: "b" }))).toBe(
      "--service-account is not an option of --preset spiffe",
    );
    expect(usageError(() => buildPreset(undefined, { repositoryId: "1" }))).toBe(
      "--repository-id belongs to --preset github-actions",
    );
    expect(usageError(() => buildPreset(undefined, { ref: "main" }))).toBe(
      "--ref belongs to --preset github-actions or gitlab",
    );
  });
});
