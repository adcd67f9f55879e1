import type { ClaimPredicate, ConditionOf } from "./claim-predicate.js";

/** `contains`: the claim is an array holding an element equal to the value, in type and value. */
export function compileContainsCondition({ value: expected }: ConditionOf<"contains">): ClaimPredicate {
  return (value) => Array.isArray(value) && value.includes(expected);
}
