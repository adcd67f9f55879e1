import { invalidGrant, type OAuthError } from "../errors/oauth-error.js";
import type { TrustPolicyFailure } from "./trust-policy-failure.js";

/** Where a rule failed, in words that name claims as the rule writes them and never a value. */
function describeFailure({ rule, claim, problem }: TrustPolicyFailure): string {
  switch (problem) {
    case "condition_failed":
      return `${rule} (${claim})`;
    case "subject_unresolved":
      return `${rule} (${claim} in the subject)`;
    case "subject_invalid":
      return `${rule} (the subject is empty or too long)`;
    case "mapped_claim_too_large":
      return `${rule} (${claim} is too large to map)`;
    case "mapped_claim_unstorable":
      return `${rule} (${claim} cannot be mapped)`;
  }
}

/**
 * The refusal when no rule of the issuer matched: `invalid_grant`, reason `no_rule_matched`, naming per rule
 * where it failed, e.g. `no trust rule matched the assertion: deploy-release (ref), ci (repository_id)`.
 * The expected values stay out of it: they would tell a caller what to forge.
 */
export function noRuleMatched(failures: readonly TrustPolicyFailure[]): OAuthError {
  const where = failures.map(describeFailure).join(", ");
  return invalidGrant(`no trust rule matched the assertion${where === "" ? "" : `: ${where}`}`, {
    reason: "no_rule_matched",
    // The audit record keeps this as why no rule matched.
    detail: where,
  });
}
