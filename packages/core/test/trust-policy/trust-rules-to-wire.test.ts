import { describe, expect, it } from "vitest";
import type { TrustRule } from "../../src/domain/trust-rule.js";
import { parseTrustRules } from "../../src/trust-policy/parse-trust-rules.js";
import { trustRulesToWire } from "../../src/trust-policy/trust-rules-to-wire.js";

const RULES: TrustRule[] = [
  {
    name: "deploy-release",
    conditions: [
      { claim: "repository_owner_id", operator: "eq", value: "1342004", ignoreCase: false },
      { claim: "repository", operator: "eq", value: "Acme/App", ignoreCase: true },
      { claim: "ref", operator: "glob", value: "refs/heads/release/*", ignoreCase: false },
      { claim: "/kubernetes.io/namespace", operator: "in", value: ["prod", 7, true], ignoreCase: true },
      { claim: "groups", operator: "contains", value: "deployers" },
      { claim: "environment", operator: "exists", value: false },
    ],
    scope: ["deploy:write", "read"],
    subject: "gh:{repository_id}:{ref}",
    claims: [
      { target: "repository", source: "repository" },
      { target: "namespace", source: "/kubernetes.io/namespace" },
    ],
    accessTokenTtl: 900,
    refreshTokens: false,
  },
  {
    name: "any-sub",
    conditions: [{ claim: "__proto__", operator: "exists", value: true }],
    scope: [],
    subject: null,
    claims: [],
    accessTokenTtl: null,
    refreshTokens: true,
  },
  {
    name: "plain",
    conditions: [{ claim: "/0", operator: "eq", value: 0, ignoreCase: false }],
    scope: null,
    subject: "{sub}",
    claims: [{ target: "constructor", source: "/a~1b" }],
    accessTokenTtl: 60,
    refreshTokens: true,
  },
];

describe("rules in wire form", () => {
  it("are written in snake_case, leaving out unset fields and ignore_case when off", () => {
    const [deploy, anySub, plain] = trustRulesToWire(RULES);
    expect(deploy).toEqual({
      name: "deploy-release",
      when: {
        repository_owner_id: { eq: "1342004" },
        repository: { eq: "Acme/App", ignore_case: true },
        ref: { glob: "refs/heads/release/*" },
        "/kubernetes.io/namespace": { in: ["prod", 7, true], ignore_case: true },
        groups: { contains: "deployers" },
        environment: { exists: false },
      },
      scope: "deploy:write read",
      subject: "gh:{repository_id}:{ref}",
      claims: { repository: "repository", namespace: "/kubernetes.io/namespace" },
      access_token_ttl: 900,
      refresh_tokens: false,
    });
    expect(JSON.stringify(anySub)).toBe(
      '{"name":"any-sub","when":{"__proto__":{"exists":true}},"scope":"","refresh_tokens":true}',
    );
    expect(Object.keys(plain ?? {})).toEqual([
      "name",
      "when",
      "subject",
      "claims",
      "access_token_ttl",
      "refresh_tokens",
    ]);
  });

  it("parse back to equal rules, also through JSON text", () => {
    expect(parseTrustRules(trustRulesToWire(RULES))).toEqual(RULES);
    expect(parseTrustRules(JSON.parse(JSON.stringify(trustRulesToWire(RULES))))).toEqual(RULES);
  });

  it("keep the order of conditions through JSON text", () => {
    const [deploy] = parseTrustRules(JSON.parse(JSON.stringify(trustRulesToWire(RULES))));
    expect(deploy?.conditions.map((condition) => condition.claim)).toEqual(
      RULES[0]?.conditions.map((condition) => condition.claim),
    );
  });
});
