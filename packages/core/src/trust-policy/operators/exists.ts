import type { ClaimPredicate, ConditionOf } from "./claim-predicate.js";

/** `exists`: `true` when the claim is present and not `null`, `false` when it is missing or `null`. */
export function compileExistsCondition({ value: expected }: ConditionOf<"exists">): ClaimPredicate {
  return (value) => (value !== undefined && value !== null) === expected;
}
