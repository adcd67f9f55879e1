import type { JsonValue } from "../domain/json-value.js";
import type { TrustRule } from "../domain/trust-rule.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import type { CompiledTrustPolicy } from "./compile-trust-policy.js";
import { renderRuleGrant } from "./render-rule-grant.js";
import { resolveClaim } from "./resolve-claim.js";
import type { TrustPolicyFailure } from "./trust-policy-failure.js";

/** The decision of an issuer's rules on an assertion's claims. */
export type TrustPolicyMatch =
  | {
      readonly matched: true;
      /** The first rule that matched. */
      readonly rule: TrustRule;
      /** The access token's `sub`: the rule's rendered template, or the assertion's `sub`. */
      readonly subject: string;
      /** The mapped claims, in the order written; a missing source is left out. */
      readonly claims: Record<string, JsonValue>;
    }
  | {
      readonly matched: false;
      /** Per rule, in order, the first thing that failed. */
      readonly failures: readonly TrustPolicyFailure[];
    };

/**
 * The token endpoint's decision: rules are tried in order and the first that matches decides. A rule stops
 * at its first failed condition (evaluated in the order written), then renders its subject and mapped
 * claims, which may still fail it.
 */
export function matchTrustPolicy(policy: CompiledTrustPolicy, claims: JsonObject): TrustPolicyMatch {
  const failures: TrustPolicyFailure[] = [];
  for (const compiled of policy.rules) {
    const failed = compiled.conditions.find(({ path, test }) => !test(resolveClaim(claims, path)));
    if (failed !== undefined) {
      failures.push({ rule: compiled.rule.name, claim: failed.condition.claim, problem: "condition_failed" });
      continue;
    }
    const grant = renderRuleGrant(compiled, claims);
    if (!grant.granted) {
      failures.push(grant.failure);
      continue;
    }
    return { matched: true, rule: compiled.rule, subject: grant.subject, claims: grant.claims };
  }
  return { matched: false, failures };
}
