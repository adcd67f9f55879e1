import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../src/domain/json-value.js";
import type { TrustCondition } from "../../src/domain/trust-rule.js";
import { compileTrustPolicy } from "../../src/trust-policy/compile-trust-policy.js";
import { explainTrustPolicy } from "../../src/trust-policy/explain-trust-policy.js";
import { matchTrustPolicy } from "../../src/trust-policy/match-trust-policy.js";
import { parseTrustRules } from "../../src/trust-policy/parse-trust-rules.js";
import { trustRulesToWire } from "../../src/trust-policy/trust-rules-to-wire.js";
import { createRandom, generateClaims, generateRules } from "./support/generate-policy-cases.js";
import { GITHUB_CLAIMS } from "./support/github-claims.js";
import { globOracle } from "./support/glob-oracle.js";

const policyOf = (rules: unknown[]) => compileTrustPolicy(parseTrustRules(rules));

describe("explaining a trust policy", () => {
  const rules = [
    {
      name: "deploy",
      when: {
        repository_owner_id: { eq: "65" },
        ref: { glob: "refs/heads/release/*" },
        environment: { eq: "prod" },
      },
    },
    {
      name: "ci",
      when: { repository_id: { in: ["74"] }, "/missing/x": { exists: false }, run_number: { eq: 10 } },
    },
    { name: "main", when: { ref: { eq: "refs/heads/main" } }, subject: "gh:{repository_id}" },
  ];

  it("evaluates every condition of every rule, with the claim's actual value, past the first failure", () => {
    const explanation = explainTrustPolicy(policyOf(rules), GITHUB_CLAIMS);
    expect(explanation.rules).toEqual([
      {
        name: "deploy",
        matched: false,
        failure: { rule: "deploy", claim: "ref", problem: "condition_failed" },
        conditions: [
          { claim: "repository_owner_id", operator: "eq", passed: true, actual: "65" },
          { claim: "ref", operator: "glob", passed: false, actual: "refs/heads/main" },
          { claim: "environment", operator: "eq", passed: true, actual: "prod" },
        ],
      },
      {
        name: "ci",
        matched: false,
        failure: { rule: "ci", claim: "run_number", problem: "condition_failed" },
        conditions: [
          { claim: "repository_id", operator: "in", passed: true, actual: "74" },
          { claim: "/missing/x", operator: "exists", passed: true, actual: undefined },
          { claim: "run_number", operator: "eq", passed: false, actual: "10" },
        ],
      },
      {
        name: "main",
        matched: true,
        failure: null,
        conditions: [{ claim: "ref", operator: "eq", passed: true, actual: "refs/heads/main" }],
      },
    ]);
    expect(explanation.decision).toEqual({
      matched: true,
      rule: parseTrustRules(rules)[2],
      subject: "gh:74",
      claims: {},
    });
  });

  it("shows rules after the deciding one too, while the decision stays with the first match", () => {
    const both = [
      { name: "first", when: { sub: { exists: true } }, subject: "one:{sub}" },
      { name: "second", when: { sub: { exists: true } } },
    ];
    const explanation = explainTrustPolicy(policyOf(both), GITHUB_CLAIMS);
    expect(explanation.rules.map((rule) => [rule.name, rule.matched])).toEqual([
      ["first", true],
      ["second", true],
    ]);
    expect(explanation.decision).toMatchObject({ matched: true, rule: { name: "first" } });
  });

  it("reports a rule whose conditions pass but whose subject does not resolve as not matched", () => {
    const explanation = explainTrustPolicy(
      policyOf([{ name: "t", when: { sub: { exists: true } }, subject: "{nope}" }]),
      GITHUB_CLAIMS,
    );
    expect(explanation.rules[0]).toMatchObject({
      matched: false,
      failure: { rule: "t", claim: "nope", problem: "subject_unresolved" },
      conditions: [{ claim: "sub", passed: true }],
    });
    expect(explanation.decision).toEqual({
      matched: false,
      failures: [{ rule: "t", claim: "nope", problem: "subject_unresolved" }],
    });
  });
});

/** The documented semantics of one condition, written out plainly, for comparison with the compiled predicates. */
function oracle(condition: TrustCondition, actual: JsonValue | undefined): boolean {
  const scalar = typeof actual === "string" || typeof actual === "number" || typeof actual === "boolean";
  const same = (expected: unknown, value: unknown, ignoreCase: boolean) =>
    ignoreCase && typeof expected === "string" && typeof value === "string"
      ? expected.toLowerCase() === value.toLowerCase()
      : expected === value;
  switch (condition.operator) {
    case "exists":
      return condition.value === (actual !== undefined && actual !== null);
    case "eq":
      return scalar && same(condition.value, actual, condition.ignoreCase);
    case "in":
      return scalar && condition.value.some((value) => same(value, actual, condition.ignoreCase));
    case "contains":
      return Array.isArray(actual) && actual.some((element) => element === condition.value);
    case "glob": {
      if (typeof actual !== "string") return false;
      const fold = (text: string) => (condition.ignoreCase ? text.toLowerCase() : text);
      return globOracle(Array.from(fold(condition.value)), Array.from(fold(actual)));
    }
  }
}

/** A claim reference resolved the plain way, for comparison with `resolveClaim`. */
function lookup(claims: Record<string, unknown>, reference: string): unknown {
  if (!reference.startsWith("/")) return Object.hasOwn(claims, reference) ? claims[reference] : undefined;
  let current: unknown = claims;
  for (const token of reference
    .slice(1)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

describe("explain and match, on generated rules and claims", () => {
  it("agree on every decision, and each condition is evaluated as documented", () => {
    const random = createRandom(20_261_204);
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 1500; round++) {
      const wire = generateRules(random);
      const rules = parseTrustRules(wire);
      expect(parseTrustRules(trustRulesToWire(rules))).toEqual(rules);
      const policy = compileTrustPolicy(rules);
      const claims = generateClaims(random);
      const match = matchTrustPolicy(policy, claims);
      const explanation = explainTrustPolicy(policy, claims);
      expect(explanation.decision).toEqual(match);

      explanation.rules.forEach((rule, index) => {
        const written = rules[index];
        expect(rule.name).toBe(written?.name);
        expect(rule.matched).toBe(rule.failure === null);
        rule.conditions.forEach((condition, position) => {
          const source = written?.conditions[position];
          if (source === undefined) throw new Error("a condition went missing");
          expect(condition.actual).toEqual(lookup(claims, source.claim));
          expect(condition.passed, `${JSON.stringify(source)} on ${JSON.stringify(condition.actual)}`).toBe(
            oracle(source, condition.actual),
          );
        });
        const firstFailed = rule.conditions.find((condition) => !condition.passed);
        if (firstFailed !== undefined) {
          expect(rule.failure).toEqual({
            rule: rule.name,
            claim: firstFailed.claim,
            problem: "condition_failed",
          });
        }
      });
      const deciding = explanation.rules.findIndex((rule) => rule.matched);
      if (match.matched) {
        expect(match.rule).toBe(rules[deciding]);
      } else {
        expect(deciding).toBe(-1);
        expect(match.failures).toEqual(explanation.rules.map((rule) => rule.failure));
      }
      const outcome = match.matched ? "matched" : (match.failures.at(-1)?.problem ?? "none");
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // The generator reaches matches, failed conditions and unresolved subjects alike.
    expect(outcomes.get("matched")).toBeGreaterThan(100);
    expect(outcomes.get("condition_failed")).toBeGreaterThan(100);
    expect(outcomes.get("subject_unresolved")).toBeGreaterThan(5);
  });
});
