import { describe, expect, it } from "vitest";
import { formatExplanation } from "../src/output/format-explanation.js";
import { formatTrustRules } from "../src/output/format-trust-rules.js";

describe("formatTrustRules", () => {
  it("shows each rule's conditions aligned, values as JSON, then what it grants", () => {
    const rules = [
      {
        name: "deploy-release",
        when: {
          repository_owner_id: { eq: "1342004" },
          repository: { eq: "Acme/App", ignore_case: true },
          ref: { glob: "refs/heads/release/*" },
          "/kubernetes.io/namespace": { in: ["prod", "staging"] },
          groups: { contains: "deployers" },
          environment: { exists: true },
        },
        scope: "deploy:write",
        subject: "gh:{repository_id}:{ref}",
        claims: { repository: "repository", namespace: "/kubernetes.io/namespace" },
        access_token_ttl: 900,
        refresh_tokens: false,
      },
      { name: "read", when: { repository_owner_id: { eq: 1342004 } }, refresh_tokens: true },
    ];
    expect(formatTrustRules(rules)).toBe(
      [
        "deploy-release",
        '  when              repository_owner_id       eq "1342004"',
        '                    repository                eq "Acme/App" ignore_case',
        '                    ref                       glob "refs/heads/release/*"',
        '                    /kubernetes.io/namespace  in ["prod","staging"]',
        '                    groups                    contains "deployers"',
        "                    environment               exists true",
        "  scope             deploy:write",
        "  subject           gh:{repository_id}:{ref}",
        "  claims            repository ← repository, namespace ← /kubernetes.io/namespace",
        "  access_token_ttl  900",
        "  refresh_tokens    no",
        "read",
        // A number is shown as one, so that it is plain it will never equal the string a token carries.
        "  when            repository_owner_id  eq 1342004",
        "  refresh_tokens  yes",
      ].join("\n"),
    );
  });

  it("shows a dash for no rules", () => {
    expect(formatTrustRules(null)).toBe("-");
    expect(formatTrustRules(undefined)).toBe("-");
  });
});

const RELEASE_FAILED = {
  name: "release",
  matched: false,
  conditions: [
    { claim: "repository_owner_id", operator: "eq", passed: true, actual: "1342004" },
    { claim: "ref", operator: "glob", passed: false, actual: "refs/heads/main" },
    { claim: "environment", operator: "exists", passed: false },
  ],
};

describe("formatExplanation", () => {
  it("shows a grant: the verdict, every condition of every rule with its actual value, and the token", () => {
    const answer = {
      outcome: "would_grant",
      profile: "id-jag",
      error: null,
      reason: null,
      error_description: null,
      issuer: "https://token.actions.githubusercontent.com",
      rule: "deploy",
      jti_used: false,
      client: "checked",
      rules: [
        RELEASE_FAILED,
        {
          name: "deploy",
          matched: true,
          conditions: [
            { claim: "repository_owner_id", operator: "eq", passed: true, actual: "1342004" },
            { claim: "groups", operator: "contains", passed: true, actual: ["a", "deployers"] },
            { claim: "/kubernetes.io/namespace", operator: "in", passed: true, actual: null },
          ],
        },
      ],
      token: {
        sub: "gh:260064828:refs/heads/main",
        scope: "deploy:write",
        claims: { repository: "acme/app", run: 12 },
        expires_in: 900,
        aud: ["https://api.example.com/", "urn:example:ledger"],
        refresh_token: false,
      },
    };
    expect(formatExplanation(answer)).toBe(
      [
        "outcome      would grant",
        "profile      id-jag (an ID-JAG, under that profile's rules)",
        "error        -",
        "reason       -",
        "description  -",
        "issuer       https://token.actions.githubusercontent.com",
        "rule         deploy",
        "client       checked",
        "jti_used     no",
        "",
        "rules",
        "  release: not matched",
        '    passed  repository_owner_id       eq        "1342004"',
        '    failed  ref                       glob      "refs/heads/main"',
        "    failed  environment               exists    (missing)",
        "  deploy: matched",
        '    passed  repository_owner_id       eq        "1342004"',
        '    passed  groups                    contains  ["a","deployers"]',
        "    passed  /kubernetes.io/namespace  in        null",
        "",
        "token",
        "  sub            gh:260064828:refs/heads/main",
        "  scope          deploy:write",
        "  aud            https://api.example.com/ urn:example:ledger",
        "  expires_in     900",
        "  refresh_token  no",
        '  claims         repository  "acme/app"',
        "                 run         12",
        "",
      ].join("\n"),
    );
  });

  it("shows a refusal with the rules still evaluated, and no token", () => {
    const answer = {
      outcome: "refused",
      profile: null,
      error: "invalid_grant",
      reason: "no_rule_matched",
      error_description: "no trust rule matched: release: ref",
      issuer: "https://token.actions.githubusercontent.com",
      rule: null,
      jti_used: true,
      client: "skipped",
      rules: [RELEASE_FAILED],
      token: null,
    };
    expect(formatExplanation(answer)).toBe(
      [
        "outcome      refused",
        "profile      -",
        "error        invalid_grant",
        "reason       no_rule_matched",
        "description  no trust rule matched: release: ref",
        "issuer       https://token.actions.githubusercontent.com",
        "rule         -",
        "client       skipped",
        "jti_used     yes",
        "token        -",
        "",
        "rules",
        "  release: not matched",
        '    passed  repository_owner_id  eq      "1342004"',
        '    failed  ref                  glob    "refs/heads/main"',
        "    failed  environment          exists  (missing)",
        "",
      ].join("\n"),
    );
  });

  it("says in place that there are no rules, and cuts a long actual value", () => {
    const unknown = {
      outcome: "refused",
      error: "invalid_grant",
      reason: "unknown_issuer",
      error_description: "the issuer is not trusted",
      issuer: null,
      rule: null,
      jti_used: false,
      client: "skipped",
      rules: null,
      token: null,
    };
    expect(formatExplanation(unknown)).toMatch(/\nrules {8}-\ntoken {8}-\n$/);
    const long = {
      ...unknown,
      rules: [
        {
          name: "r",
          matched: false,
          conditions: [{ claim: "x", operator: "eq", passed: false, actual: "a".repeat(500) }],
        },
      ],
    };
    expect(formatExplanation(long)).toContain(`    failed  x  eq  "${"a".repeat(118)}…\n`);
  });

  it("refuses an answer that is not a JSON object", () => {
    expect(() => formatExplanation([])).toThrow(
      "the server answered with something other than a JSON object",
    );
  });
});
