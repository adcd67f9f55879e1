import type { TrustRule } from "../domain/trust-rule.js";
import type { TrustedIssuer } from "../domain/trusted-issuer.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import { type CompiledTrustPolicy, compileTrustPolicy } from "../trust-policy/compile-trust-policy.js";
import { matchTrustPolicy } from "../trust-policy/match-trust-policy.js";
import { noRuleMatched } from "../trust-policy/no-rule-matched.js";

/** What an issuer's trust rules decided for an assertion. */
export interface TrustDecision {
  /** The first rule that matched; `null` when the issuer has no rules. */
  readonly rule: TrustRule | null;
  /** The access token's `sub`. */
  readonly subject: string;
  readonly claims: Readonly<Record<string, unknown>>;
}

// Compiled once per rule list: the cached storage serves one issuer object, and so one list, while the
// issuer stays in its cache, so a policy is compiled when its issuer enters the cache and dropped with it.
const compiled = new WeakMap<readonly TrustRule[], CompiledTrustPolicy>();

/** An issuer's rules, compiled once per rule list. */
export function trustPolicyOf(rules: readonly TrustRule[]): CompiledTrustPolicy {
  let policy = compiled.get(rules);
  if (policy === undefined) {
    policy = compileTrustPolicy(rules);
    compiled.set(rules, policy);
  }
  return policy;
}

/**
 * The issuer's trust rules on a verified assertion: with none, the assertion's own `sub` and no mapped
 * claims; otherwise the first rule that matches decides, and none matching is `no_rule_matched`.
 */
export function applyTrustRules(issuer: TrustedIssuer, claims: JsonObject, subject: string): TrustDecision {
  const { rules } = issuer;
  if (rules === null) return { rule: null, subject, claims: {} };
  const match = matchTrustPolicy(trustPolicyOf(rules), claims);
  if (!match.matched) throw noRuleMatched(match.failures);
  return { rule: match.rule, subject: match.subject, claims: match.claims };
}
