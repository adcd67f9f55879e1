import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN, type RunningServer, startServer, tempDir } from "./support/server-process.js";

let server: RunningServer;
let dataDir: string;
let keys: string;
let client: { readonly clientId: string; readonly clientSecret: string };

const admin = (...args: string[]) => runCli([...args, "--url", server.url, "--admin-token", ADMIN_TOKEN]);

function json(result: CliResult): Record<string, unknown> {
  return JSON.parse(ok(result)) as Record<string, unknown>;
}

beforeAll(async () => {
  dataDir = await tempDir("policy-data");
  keys = await tempDir("policy-keys");
  server = await startServer(dataDir);
  ok(await runCli(["keygen", "--alg", "ES256", "--out", keys]));
  const added = json(await admin("clients", "add", "--name", "Workloads", "--json"));
  client = { clientId: String(added.client_id), clientSecret: String(added.client_secret) };
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await Promise.all([dataDir, keys].map((dir) => rm(dir, { recursive: true, force: true })));
});

const jwks = () => join(keys, "public-jwks.json");

/** An assertion of `iss` for `sub`, signed with the test key, with `claims` as `name=JSON` pairs. */
async function assertion(iss: string, sub: string, ...claims: string[]): Promise<string> {
  const args = [
    "--key",
    join(keys, "private-key.pem"),
    "--iss",
    iss,
    "--sub",
    sub,
    "--aud",
    server.tokenEndpoint,
  ];
  return ok(await runCli(["assertion", ...args, ...claims.flatMap((claim) => ["--claim", claim])])).trim();
}

const exchange = (jwt: string) =>
  runCli([
    "token",
    "--url",
    server.url,
    "--client-id",
    client.clientId,
    "--client-secret",
    client.clientSecret,
    "--assertion",
    jwt,
    "--json",
  ]);

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
          server.url,
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

describe("rule files and settings", () => {
  it("sends a rule file, and shows a 400 from the server with the rule's field path", async () => {
    const rules = join(keys, "rules.json");
    await writeFile(
      rules,
      JSON.stringify([
        { name: "ops", when: { sub: { eq: "ops" } } },
        { name: "ci", when: { ref: { glob: 1 } } },
      ]),
    );
    const bad = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://rules.example.com",
      "--jwks",
      jwks(),
      "--rule-file",
      rules,
    );
    expect(bad.code).toBe(1);
    expect(failureLine(bad)).toBe("jwtgrant: invalid_request: rules[1].when.ref: glob must be a string");

    await writeFile(
      rules,
      JSON.stringify([{ name: "ops", when: { sub: { eq: "ops" } }, scope: "ops:read" }]),
    );
    const added = json(
      await admin(
        "issuers",
        "add",
        "--issuer",
        "https://rules.example.com",
        "--jwks",
        jwks(),
        "--rule-file",
        rules,
        "--json",
      ),
    );
    expect(added.rules).toEqual([
      { name: "ops", when: { sub: { eq: "ops" } }, scope: "ops:read", refresh_tokens: true },
    ]);
    const removed = json(await admin("issuers", "update", String(added.id), "--no-rules", "--json"));
    expect(removed.rules).toBeNull();
  });

  it("shows the guardrails' refusals with their field paths", async () => {
    const unpinned = join(keys, "unpinned.json");
    await writeFile(
      unpinned,
      JSON.stringify([{ name: "any-main", when: { ref: { glob: "refs/heads/main" } } }]),
    );
    const refused = await admin(
      "issuers",
      "add",
      "--issuer",
      "https://token.actions.githubusercontent.com/globex",
      "--discovery",
      "--rule-file",
      unpinned,
    );
    expect(refused.code).toBe(1);
    expect(failureLine(refused)).toBe(
      "jwtgrant: invalid_request: rules[0]: must pin one of repository_owner_id, repository_id, enterprise_id with eq or in: GitHub Actions signs for many tenants",
    );

    const reused = await admin(
      "issuers",
      "add",
      "--preset",
      "gitlab",
      "--issuer",
      "https://gitlab.com/",
      "--namespace-id",
      "1",
      "--assertion-reuse",
      "allowed",
    );
    expect(failureLine(reused)).toBe(
      "jwtgrant: invalid_request: assertion_reuse: must be single_use: GitLab.com mints a token per job",
    );
  });

  it("reads a rule file from standard input, and names the input that is not JSON", async () => {
    const notJson = await runCli(["issuers", "add", "--rule-file", "-", "--print-rules"], {
      input: "[{name: ops}]",
    });
    expect(notJson.code).toBe(1);
    expect(failureLine(notJson)).toBe("jwtgrant: standard input is not valid JSON");
    const rules = [{ name: "ops", when: { sub: { eq: "ops" } } }];
    const echoed = await runCli(["issuers", "update", "x", "--rule-file", "-", "--print-rules"], {
      input: JSON.stringify(rules),
    });
    expect(JSON.parse(ok(echoed))).toEqual(rules);
  });

  it("sets the audiences, the assertion reuse, the lifetime and discovery, and clears the audiences", async () => {
    const added = json(
      await admin(
        "issuers",
        "add",
        "--issuer",
        "https://idp.example.com",
        "--discovery",
        "--audience",
        "https://api.example.com/sts",
        "--audience",
        "sts",
        "--assertion-reuse",
        "allowed",
        "--max-assertion-lifetime",
        "600",
        "--json",
      ),
    );
    expect(added).toMatchObject({
      discovery: true,
      audiences: ["https://api.example.com/sts", "sts"],
      assertion_reuse: "allowed",
      max_assertion_lifetime: 600,
      rules: null,
    });
    const cleared = json(await admin("issuers", "update", String(added.id), "--no-audiences", "--json"));
    expect(cleared).toMatchObject({ audiences: [], assertion_reuse: "allowed", max_assertion_lifetime: 600 });
  });
});

describe("clients' trusted issuers", () => {
  it("restricts a client to some issuers, and lifts the restriction", async () => {
    const added = json(
      await admin(
        "clients",
        "add",
        "--trusted-issuer",
        "https://token.actions.githubusercontent.com",
        "--trusted-issuer",
        "https://gitlab.com",
        "--json",
      ),
    );
    expect(added.trusted_issuers).toEqual([
      "https://token.actions.githubusercontent.com",
      "https://gitlab.com",
    ]);
    const shown = ok(await admin("clients", "show", String(added.client_id)));
    expect(shown).toMatch(
      /^trusted_issuers +https:\/\/token\.actions\.githubusercontent\.com, https:\/\/gitlab\.com$/m,
    );
    const lifted = json(
      await admin("clients", "update", String(added.client_id), "--no-trusted-issuers", "--json"),
    );
    expect(lifted.trusted_issuers).toBeNull();
  });
});

describe("clients' resources", () => {
  it("sets a client's resources, shows them, replaces them on update, and clears them", async () => {
    const added = json(
      await admin(
        "clients",
        "add",
        "--resource",
        "https://api.example.com/orders",
        "--resource",
        "urn:example:billing",
        "--json",
      ),
    );
    expect(added.resources).toEqual(["https://api.example.com/orders", "urn:example:billing"]);
    const id = String(added.client_id);
    expect(ok(await admin("clients", "show", id))).toMatch(
      /^resources +https:\/\/api\.example\.com\/orders, urn:example:billing$/m,
    );
    const replaced = json(
      await admin("clients", "update", id, "--resource", "https://api.example.com/stock", "--json"),
    );
    expect(replaced.resources).toEqual(["https://api.example.com/stock"]);
    const kept = json(await admin("clients", "update", id, "--scope", "read", "--json"));
    expect(kept.resources).toEqual(["https://api.example.com/stock"]);
    const cleared = json(await admin("clients", "update", id, "--no-resources", "--json"));
    expect(cleared.resources).toEqual([]);
    expect(ok(await admin("clients", "show", id))).toMatch(/^resources +-$/m);
  });

  it("reports a resource the server refuses, naming it by its index, and changes nothing", async () => {
    const added = json(await admin("clients", "add", "--resource", "urn:example:kept", "--json"));
    const refused = await admin(
      "clients",
      "update",
      String(added.client_id),
      "--resource",
      "https://api.example.com/",
      "--resource",
      "https://api.example.com/#orders",
    );
    expect(refused.code).toBe(1);
    expect(failureLine(refused)).toBe(
      "jwtgrant: invalid_request: resources[1]: must be an absolute URI without a fragment, of at most 2048 characters",
    );
    const shown = json(await admin("clients", "show", String(added.client_id), "--json"));
    expect(shown.resources).toEqual(["urn:example:kept"]);
  });
});

describe("usage errors, before any request", () => {
  it.each([
    [["--preset", "github-actions"], "jwtgrant: --preset github-actions needs --owner-id <id>"],
    [
      ["--preset", "github-actions", "--owner-id", "acme"],
      "jwtgrant: option '--owner-id <id>' argument 'acme' is invalid. must be a numeric id, e.g. 1342004",
    ],
    [
      ["--preset", "gitlab", "--namespace-id", "12885807", "--project-id", "1.5"],
      "jwtgrant: option '--project-id <id>' argument '1.5' is invalid. must be a numeric id, e.g. 1342004",
    ],
    [
      [
        "--preset",
        "kubernetes",
        "--issuer",
        "https://k8s.example.com",
        "--namespace",
        "prod",
        "--jwks",
        "jwks.json",
        "--discovery",
      ],
      "jwtgrant: option '--jwks <file>' cannot be used with option '--discovery'",
    ],
    [
      ["--preset", "kubernetes", "--issuer", "https://k8s.example.com", "--namespace", "prod"],
      "jwtgrant: --preset kubernetes needs the issuer's keys: --jwks <file>, --discovery, --jwks-uri <url> or --certificate <file>",
    ],
    [
      ["--preset", "spiffe", "--trust-domain", "example.org", "--discovery"],
      "jwtgrant: --preset spiffe needs --issuer <iss>: the issuer its tokens carry",
    ],
    [["--preset", "gitlab", "--owner-id", "1"], "jwtgrant: --owner-id is not an option of --preset gitlab"],
    [["--namespace-id", "1", "--discovery"], "jwtgrant: --namespace-id belongs to --preset gitlab"],
    [
      ["--preset", "gitlab", "--namespace-id", "1", "--rule-file", "rules.json"],
      "jwtgrant: option '--preset <name>' cannot be used with option '--rule-file <file>'",
    ],
    [["--print-rules"], "jwtgrant: --print-rules needs --preset or --rule-file"],
  ])("issuers add %j", async (args, line) => {
    const result = await runCli([
      "issuers",
      "add",
      ...args,
      "--admin-token",
      ADMIN_TOKEN,
      "--url",
      "http://127.0.0.1:9",
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(failureLine(result)).toBe(line);
  });

  it.each([
    [["--trusted-issuer", "x", "--no-trusted-issuers"], "'--trusted-issuer <iss>'", "'--no-trusted-issuers'"],
    [["--resource", "urn:example:a", "--no-resources"], "'--resource <uri>'", "'--no-resources'"],
  ])("clients update %j", async (args, option, negation) => {
    const result = await runCli(["clients", "update", "c", ...args, "--admin-token", "t"]);
    expect(result.code).toBe(2);
    expect(failureLine(result)).toBe(`jwtgrant: option ${option} cannot be used with option ${negation}`);
  });
});

describe("explain", () => {
  const issuer = "https://explain.example.com";

  beforeAll(async () => {
    const rules = join(keys, "explain-rules.json");
    await writeFile(
      rules,
      JSON.stringify([
        { name: "release", when: { team: { eq: "ops" }, ref: { glob: "refs/tags/v*" } } },
        {
          name: "deploy",
          when: { team: { eq: "ops" }, groups: { contains: "deployers" } },
          scope: "deploy:write",
          subject: "ops:{sub}",
          claims: { team: "team" },
          access_token_ttl: 900,
          refresh_tokens: false,
        },
      ]),
    );
    ok(await admin("issuers", "add", "--issuer", issuer, "--jwks", jwks(), "--rule-file", rules));
  });

  it("prints the verdict, each condition with the claim's actual value, and the token it would issue", async () => {
    const jwt = await assertion(issuer, "alice", "team=ops", "ref=refs/heads/main", 'groups=["deployers"]');
    const explained = ok(await admin("explain", "--assertion", jwt));
    expect(explained).toBe(
      [
        "outcome      would grant",
        "profile      -",
        "error        -",
        "reason       -",
        "description  -",
        `issuer       ${issuer}`,
        "rule         deploy",
        "client       skipped",
        "jti_used     no",
        "",
        "rules",
        "  release: not matched",
        '    passed  team    eq        "ops"',
        '    failed  ref     glob      "refs/heads/main"',
        "  deploy: matched",
        '    passed  team    eq        "ops"',
        '    passed  groups  contains  ["deployers"]',
        "",
        "token",
        "  sub            ops:alice",
        "  scope          deploy:write",
        `  aud            ${server.url}`,
        "  expires_in     900",
        "  refresh_token  no",
        '  claims         team  "ops"',
        "",
      ].join("\n"),
    );

    // Nothing was recorded: the token endpoint still takes the assertion, once; explain then says so.
    expect(json(await exchange(jwt))).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    const replayed = json(await admin("explain", "--assertion", jwt, "--json"));
    expect(replayed).toMatchObject({
      outcome: "refused",
      error: "invalid_grant",
      reason: "assertion_replayed",
      jti_used: true,
      rule: null,
      token: null,
      rules: [
        { name: "release", matched: false },
        { name: "deploy", matched: true },
      ],
    });
  });

  it("explains a refusal as JSON, reads the assertion from standard input and checks the client", async () => {
    const jwt = await assertion(issuer, "bob", "team=dev", "ref=refs/tags/v1.0.0");
    const explained = JSON.parse(
      ok(
        await runCli(
          [
            "explain",
            "--assertion",
            "-",
            "--client-id",
            client.clientId,
            "--json",
            "--url",
            server.url,
            "--admin-token",
            ADMIN_TOKEN,
          ],
          { input: `${jwt}\n` },
        ),
      ),
    );
    expect(explained).toEqual({
      outcome: "refused",
      profile: null,
      error: "invalid_grant",
      reason: "no_rule_matched",
      error_description: "no trust rule matched the assertion: release (team), deploy (team)",
      issuer,
      rule: null,
      jti_used: false,
      client: "checked",
      rules: [
        {
          name: "release",
          matched: false,
          conditions: [
            { claim: "team", operator: "eq", passed: false, actual: "dev" },
            { claim: "ref", operator: "glob", passed: true, actual: "refs/tags/v1.0.0" },
          ],
        },
        {
          name: "deploy",
          matched: false,
          conditions: [
            { claim: "team", operator: "eq", passed: false, actual: "dev" },
            { claim: "groups", operator: "contains", passed: false },
          ],
        },
      ],
      token: null,
    });
  });

  it("sends the resources the client would ask for", async () => {
    const jwt = await assertion(issuer, "alice", "team=ops", 'groups=["deployers"]');
    const explained = json(
      await admin(
        "explain",
        "--assertion",
        jwt,
        "--client-id",
        client.clientId,
        "--resource",
        "https://api.example.com/",
        "--json",
      ),
    );
    expect(explained).toMatchObject({
      outcome: "refused",
      error: "invalid_target",
      reason: "resource_not_allowed",
      rule: null,
      rules: [
        { name: "release", matched: false },
        { name: "deploy", matched: true },
      ],
    });
  });

  it("says when standard input holds no assertion, before any request", async () => {
    const empty = await runCli(["explain", "--assertion", "-", "--admin-token", ADMIN_TOKEN], {
      input: "\n",
    });
    expect(empty.code).toBe(1);
    expect(failureLine(empty)).toBe("jwtgrant: standard input holds no assertion");
  });

  it("shows the server's refusal of an unknown client in one line", async () => {
    const jwt = await assertion(issuer, "alice", "team=ops");
    const unknown = await admin("explain", "--assertion", jwt, "--client-id", "no-such-client");
    expect(unknown.code).toBe(1);
    expect(failureLine(unknown)).toBe("jwtgrant: not_found: no client no-such-client");
  });
});
