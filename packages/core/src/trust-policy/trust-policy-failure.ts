/**
 * Why a rule did not match: a condition failed (`claim` is its claim as written), the subject template did
 * not resolve (`claim` is the placeholder's claim, or `sub` for the default subject), the rendered subject
 * is empty, over 255 characters or not storable text (`claim` is `null`), or a mapped claim is over 4 KiB
 * or holds text no storage keeps (`claim` is its source as written).
 */
export type TrustPolicyProblem =
  | "condition_failed"
  | "subject_unresolved"
  | "subject_invalid"
  | "mapped_claim_too_large"
  | "mapped_claim_unstorable";

/** The first failure of one rule, in the order the rule is evaluated: conditions, subject, mapped claims. */
export interface TrustPolicyFailure {
  readonly rule: string;
  readonly claim: string | null;
  readonly problem: TrustPolicyProblem;
}
