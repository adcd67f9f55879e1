import type { JsonValue } from "../domain/json-value.js";
import type { ConditionOperator, TrustRule } from "../domain/trust-rule.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import type { CompiledTrustPolicy, CompiledTrustRule } from "./compile-trust-policy.js";
import type { TrustPolicyMatch } from "./match-trust-policy.js";
import { type RuleGrant, renderRuleGrant } from "./render-rule-grant.js";
import { resolveClaim } from "./resolve-claim.js";
import type { TrustPolicyFailure } from "./trust-policy-failure.js";

export interface ConditionExplanation {
  /** As written in the rule. */
  readonly claim: string;
  readonly operator: ConditionOperator;
  readonly passed: boolean;
  /** The claim's value in the assertion; `undefined` when it is missing. */
  readonly actual: JsonValue | undefined;
}

export interface RuleExplanation {
  readonly name: string;
  /** Whether this rule, on its own, matches: every condition passed and its subject and claims could be made. */
  readonly matched: boolean;
  /** Every condition, in order, each evaluated whatever the others gave. */
  readonly conditions: readonly ConditionExplanation[];
  /** The failure `matchTrustPolicy` reports for this rule; `null` when the rule matched. */
  readonly failure: TrustPolicyFailure | null;
}

export interface TrustPolicyExplanation {
  readonly rules: readonly RuleExplanation[];
  /** The decision, the same as `matchTrustPolicy`'s. */
  readonly decision: TrustPolicyMatch;
}

interface ExplainedRule {
  readonly rule: TrustRule;
  readonly explanation: RuleExplanation;
  readonly grant: RuleGrant | null;
}

function explainRule(compiled: CompiledTrustRule, claims: JsonObject): ExplainedRule {
  const conditions = compiled.conditions.map(({ condition, path, test }): ConditionExplanation => {
    const actual = resolveClaim(claims, path);
    return { claim: condition.claim, operator: condition.operator, passed: test(actual), actual };
  });
  const name = compiled.rule.name;
  const failed = conditions.find((condition) => !condition.passed);
  if (failed !== undefined) {
    const failure: TrustPolicyFailure = { rule: name, claim: failed.claim, problem: "condition_failed" };
    return { rule: compiled.rule, explanation: { name, matched: false, conditions, failure }, grant: null };
  }
  const grant = renderRuleGrant(compiled, claims);
  const failure = grant.granted ? null : grant.failure;
  return { rule: compiled.rule, explanation: { name, matched: grant.granted, conditions, failure }, grant };
}

/**
 * The explain path: every condition of every rule evaluated and shown with the claim's actual value, each
 * rule's own verdict, and the decision that `matchTrustPolicy` makes on the same claims, from the same
 * compiled predicates.
 */
export function explainTrustPolicy(policy: CompiledTrustPolicy, claims: JsonObject): TrustPolicyExplanation {
  const explained = policy.rules.map((compiled) => explainRule(compiled, claims));
  const rules = explained.map(({ explanation }) => explanation);
  for (const { rule, grant } of explained) {
    if (grant?.granted === true) {
      return { rules, decision: { matched: true, rule, subject: grant.subject, claims: grant.claims } };
    }
  }
  const failures = rules.flatMap(({ failure }) => (failure === null ? [] : [failure]));
  return { rules, decision: { matched: false, failures } };
}
