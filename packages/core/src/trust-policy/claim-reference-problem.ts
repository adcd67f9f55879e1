import { isStorableText } from "../util/storable-text.js";
import { parseClaimReference } from "./parse-claim-reference.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";

/** What is wrong with a claim reference written in a rule, or `null` when it is a valid one. */
export function claimReferenceProblem(reference: string): string | null {
  if (reference.length === 0 || reference.length > TRUST_POLICY_LIMITS.claimReference) {
    return `must be a claim name or JSON Pointer of 1 to ${TRUST_POLICY_LIMITS.claimReference} characters`;
  }
  if (!isStorableText(reference)) return "must be text without NUL or unpaired surrogates";
  if (parseClaimReference(reference) === null) {
    return "is not a valid JSON Pointer: ~ must be followed by 0 or 1";
  }
  return null;
}
