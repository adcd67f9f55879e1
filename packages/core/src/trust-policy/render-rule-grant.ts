import type { JsonValue } from "../domain/json-value.js";
import type { JsonObject } from "../jws/parse-compact-jws.js";
import type { CompiledTrustRule } from "./compile-trust-policy.js";
import { mapClaims } from "./map-claims.js";
import { renderSubjectTemplate } from "./render-subject-template.js";
import { resolveClaim } from "./resolve-claim.js";
import type { TrustPolicyFailure } from "./trust-policy-failure.js";

/** What a rule whose conditions hold gives: its subject and mapped claims, or why it cannot give them. */
export type RuleGrant =
  | { readonly granted: true; readonly subject: string; readonly claims: Record<string, JsonValue> }
  | { readonly granted: false; readonly failure: TrustPolicyFailure };

const SUB: readonly string[] = ["sub"];

/**
 * The subject (rendered from the rule's template, or the assertion's `sub`) and the mapped claims of a rule
 * whose conditions hold; the first that cannot be made is the rule's failure.
 */
export function renderRuleGrant(compiled: CompiledTrustRule, claims: JsonObject): RuleGrant {
  const rule = compiled.rule.name;
  let subject: string;
  if (compiled.subject === null) {
    const sub = resolveClaim(claims, SUB);
    if (typeof sub !== "string" || sub.length === 0) {
      return { granted: false, failure: { rule, claim: "sub", problem: "subject_unresolved" } };
    }
    subject = sub;
  } else {
    const rendered = renderSubjectTemplate(compiled.subject, claims);
    if (rendered.outcome === "unresolved") {
      return { granted: false, failure: { rule, claim: rendered.claim, problem: "subject_unresolved" } };
    }
    if (rendered.outcome === "invalid") {
      return { granted: false, failure: { rule, claim: null, problem: "subject_invalid" } };
    }
    subject = rendered.subject;
  }
  const mapped = mapClaims(compiled.claims, claims);
  if (mapped.outcome !== "mapped") {
    const problem = mapped.outcome === "too_large" ? "mapped_claim_too_large" : "mapped_claim_unstorable";
    return { granted: false, failure: { rule, claim: mapped.claim, problem } };
  }
  return { granted: true, subject, claims: mapped.claims };
}
