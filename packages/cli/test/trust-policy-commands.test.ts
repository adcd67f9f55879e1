import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { json, usePolicyServer } from "./support/policy-server.js";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN } from "./support/server-process.js";

const { context, admin, jwks } = usePolicyServer("policy");

describe("rule files and settings", () => {
  it("sends a rule file, and shows a 400 from the server with the rule's field path", async () => {
    const rules = join(context.keys, "rules.json");
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
    const unpinned = join(context.keys, "unpinned.json");
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
