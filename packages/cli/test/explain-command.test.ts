import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { json, usePolicyServer } from "./support/policy-server.js";
import { failureLine, ok, runCli } from "./support/run-cli.js";
import { ADMIN_TOKEN } from "./support/server-process.js";

const { context, admin, jwks, assertion, exchange } = usePolicyServer("explain");

describe("explain", () => {
  const issuer = "https://explain.example.com";

  beforeAll(async () => {
    const rules = join(context.keys, "explain-rules.json");
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
        `  aud            ${context.server.url}`,
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
            context.client.clientId,
            "--json",
            "--url",
            context.server.url,
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
        context.client.clientId,
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
