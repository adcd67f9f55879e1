import { describe, expect, it } from "vitest";
import { json, usePolicyServer } from "./support/policy-server.js";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN } from "./support/server-process.js";

const { context, admin, jwks, assertion, exchange } = usePolicyServer("presets");

describe("presets", () => {
  it("github-actions: the owner and repository ids as strings, the ref as a glob, discovery on GitHub's issuer", async () => {
    const added = json(
      await admin(
        "issuers",
        "add",
        "--preset",
        "github-actions",
        "--owner-id",
        "1342004",
        "--repository-id",
        "260064828",
        "--ref",
        "refs/heads/main",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      issuer: "https://token.actions.githubusercontent.com",
      discovery: true,
      assertion_reuse: "single_use",
      rules: [
        {
          name: "github-actions",
          when: {
            repository_owner_id: { eq: "1342004" },
            repository_id: { eq: "260064828" },
            ref: { glob: "refs/heads/main" },
          },
          refresh_tokens: false,
        },
      ],
    });
    expect(added).not.toHaveProperty("jwks_uri");

    const shown = ok(await admin("issuers", "show", String(added.id)));
    expect(shown).toContain(
      [
        "rules                   github-actions",
        '                          when            repository_owner_id  eq "1342004"',
        '                                          repository_id        eq "260064828"',
        '                                          ref                  glob "refs/heads/main"',
        "                          refresh_tokens  no",
      ].join("\n"),
    );
    expect(ok(await admin("issuers", "list"))).toMatch(
      new RegExp(
        `^${added.id} +https://token\\.actions\\.githubusercontent\\.com +- +discovery +github-actions +any `,
        "m",
      ),
    );
  });

  it("github-actions on an enterprise issuer with inline keys grants a token to the pinned owner only, never to a numeric id", async () => {
    const issuer = "https://token.actions.githubusercontent.com/acme";
    const added = json(
      await admin(
        "issuers",
        "add",
        "--preset",
        "github-actions",
        "--issuer",
        issuer,
        "--jwks",
        jwks(),
        "--owner-id",
        "1342004",
        "--ref",
        "refs/heads/*",
        "--json",
      ),
    );
    expect(added).toMatchObject({ issuer, jwks: { keys: [expect.objectContaining({ kty: "EC" })] } });
    expect(added).not.toHaveProperty("discovery");

    const granted = json(
      await exchange(
        await assertion(
          issuer,
          "repo:acme/app:ref:refs/heads/main",
          'repository_owner_id="1342004"',
          "ref=refs/heads/main",
        ),
      ),
    );
    expect(granted).toMatchObject({ token_type: "Bearer" });
    expect(granted).not.toHaveProperty("refresh_token");

    // A number never equals the string the rule pins; `*` does not cross a `/`.
    for (const [claims, failed] of [
      [["repository_owner_id=1342004", "ref=refs/heads/main"], "repository_owner_id"],
      [['repository_owner_id="1342005"', "ref=refs/heads/main"], "repository_owner_id"],
      [['repository_owner_id="1342004"', "ref=refs/heads/feature/x"], "ref"],
    ] as const) {
      const refused = await exchange(await assertion(issuer, "repo:acme/app", ...claims));
      expect(refused.code).toBe(1);
      expect(failureLine(refused)).toBe(
        `jwtgrant: invalid_grant: no trust rule matched the assertion: github-actions (${failed})`,
      );
    }
  });

  it('gitlab: the namespace and project ids as strings, ref_protected as "true", discovery on gitlab.com', async () => {
    const added = json(
      await admin(
        "issuers",
        "add",
        "--preset",
        "gitlab",
        "--namespace-id",
        "12885807",
        "--project-id",
        "53804090",
        "--ref-protected",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      issuer: "https://gitlab.com",
      discovery: true,
      rules: [
        {
          name: "gitlab-ci",
          when: {
            namespace_id: { eq: "12885807" },
            project_id: { eq: "53804090" },
            ref_protected: { eq: "true" },
          },
          refresh_tokens: false,
        },
      ],
    });

    // Applied again on an update, a preset rewrites the rules and leaves the issuer and its keys.
    const updated = json(
      await admin(
        "issuers",
        "update",
        String(added.id),
        "--preset",
        "gitlab",
        "--namespace-id",
        "12885807",
        "--ref",
        "main",
        "--json",
      ),
    );
    expect(updated).toMatchObject({
      issuer: "https://gitlab.com",
      discovery: true,
      rules: [{ name: "gitlab-ci", when: { namespace_id: { eq: "12885807" }, ref: { glob: "main" } } }],
    });
  });

  it("kubernetes: namespace and service account by JSON Pointer; the same token is exchanged twice", async () => {
    const issuer = "https://kubernetes.default.svc.cluster.local";
    const added = json(
      await admin(
        "issuers",
        "add",
        "--preset",
        "kubernetes",
        "--issuer",
        issuer,
        "--jwks",
        jwks(),
        "--namespace",
        "prod",
        "--service-account",
        "deployer",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      issuer,
      assertion_reuse: "allowed",
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
    });

    const workload = (namespace: string) =>
      assertion(
        issuer,
        `system:serviceaccount:${namespace}:deployer`,
        `kubernetes.io={"namespace":"${namespace}","serviceaccount":{"name":"deployer","uid":"a709ef71"}}`,
      );
    const token = await workload("prod");
    expect(json(await exchange(token))).toMatchObject({ token_type: "Bearer" });
    expect(json(await exchange(token))).toMatchObject({ token_type: "Bearer" });
    const staging = await exchange(await workload("staging"));
    expect(staging.code).toBe(1);
    expect(failureLine(staging)).toBe(
      "jwtgrant: invalid_grant: no trust rule matched the assertion: kubernetes (/kubernetes.io/namespace)",
    );
  });

  it("spiffe: the SPIFFE IDs under a path of one trust domain, by a glob on sub", async () => {
    const issuer = "https://spire.example.org";
    const added = json(
      await admin(
        "issuers",
        "add",
        "--preset",
        "spiffe",
        "--issuer",
        issuer,
        "--jwks",
        jwks(),
        "--trust-domain",
        "example.org",
        "--path-prefix",
        "/ns/prod",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      issuer,
      assertion_reuse: "allowed",
      rules: [
        { name: "spiffe", when: { sub: { glob: "spiffe://example.org/ns/prod/**" } }, refresh_tokens: false },
      ],
    });

    const granted = json(await exchange(await assertion(issuer, "spiffe://example.org/ns/prod/sa/api")));
    expect(granted).toMatchObject({ token_type: "Bearer" });
    for (const sub of ["spiffe://example.org/ns/production/sa/api", "spiffe://evil.org/ns/prod/sa/api"]) {
      const refused = await exchange(await assertion(issuer, sub));
      expect(refused.code).toBe(1);
      expect(failureLine(refused)).toBe(
        "jwtgrant: invalid_grant: no trust rule matched the assertion: spiffe (sub)",
      );
    }
  });

  it("prints the rules it would send without a server or a token, as the server then stores them", async () => {
    const args = ["--preset", "kubernetes", "--namespace", "batch", "--print-rules"];
    const printed = JSON.parse(ok(await runCli(["issuers", "add", ...args]))) as unknown;
    expect(printed).toEqual([
      { name: "kubernetes", when: { "/kubernetes.io/namespace": { eq: "batch" } }, refresh_tokens: false },
    ]);
    const stored = json(
      await runCli(
        [
          "issuers",
          "add",
          "--issuer",
          "https://k8s.batch.example.com",
          "--discovery",
          "--rule-file",
          "-",
          "--url",
          context.server.url,
          "--admin-token",
          ADMIN_TOKEN,
          "--json",
        ],
        { input: JSON.stringify(printed) },
      ),
    );
    expect(stored.rules).toEqual(printed);
  });
});
