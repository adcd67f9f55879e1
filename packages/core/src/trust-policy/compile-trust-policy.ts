import type { TrustCondition, TrustRule } from "../domain/trust-rule.js";
import { compileCondition } from "./compile-condition.js";
import type { CompiledClaimMapping } from "./map-claims.js";
import type { ClaimPredicate } from "./operators/claim-predicate.js";
import { type ClaimPath, parseClaimReference } from "./parse-claim-reference.js";
import { parseSubjectTemplate, type SubjectTemplate } from "./parse-subject-template.js";
import { isReservedClaim } from "./reserved-claims.js";

export interface CompiledCondition {
  readonly condition: TrustCondition;
  readonly path: ClaimPath;
  readonly test: ClaimPredicate;
}

export interface CompiledTrustRule {
  readonly rule: TrustRule;
  readonly conditions: readonly CompiledCondition[];
  /** `null`: the assertion's `sub`. */
  readonly subject: SubjectTemplate | null;
  readonly claims: readonly CompiledClaimMapping[];
}

/** An issuer's rules, ready to be matched against claims with no parsing left to do. */
export interface CompiledTrustPolicy {
  readonly rules: readonly CompiledTrustRule[];
}

function claimPath(reference: string): ClaimPath {
  const path = parseClaimReference(reference);
  if (path === null)
    throw new TypeError(`${reference} is not a claim reference; rules are validated when saved`);
  return path;
}

function subjectTemplate(template: string): SubjectTemplate {
  const parsed = parseSubjectTemplate(template);
  if ("problem" in parsed)
    throw new TypeError(`subject template ${parsed.problem}; rules are validated when saved`);
  return parsed.parts;
}

function compileRule(rule: TrustRule): CompiledTrustRule {
  return {
    rule,
    conditions: rule.conditions.map((condition) => ({
      condition,
      path: claimPath(condition.claim),
      test: compileCondition(condition),
    })),
    subject: rule.subject === null ? null : subjectTemplate(rule.subject),
    // A reserved target is refused when rules are saved; one stored otherwise is dropped here, so that the
    // access token never carries two values of a claim the server sets.
    claims: rule.claims
      .filter(({ target }) => !isReservedClaim(target))
      .map(({ target, source }) => ({ target, source, path: claimPath(source) })),
  };
}

/**
 * Compiles an issuer's rules once (claim references parsed, globs compiled, templates split), so that
 * matching an assertion parses nothing. The rules are expected to have been validated by `parseTrustRules`
 * when they were saved; a rule that was not, and is malformed, is a `TypeError`.
 */
export function compileTrustPolicy(rules: readonly TrustRule[]): CompiledTrustPolicy {
  return { rules: rules.map(compileRule) };
}
