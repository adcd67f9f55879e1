import { foldCase } from "../fold-case.js";
import type { ClaimPredicate, ConditionOf } from "./claim-predicate.js";

/**
 * `eq`: the claim is the value, in type and value (`"1"` is not `1`, `"true"` is not `true`). With
 * `ignore_case`, two strings compare with their ASCII letters folded; other types still compare exactly.
 */
export function compileEqCondition({ value: expected, ignoreCase }: ConditionOf<"eq">): ClaimPredicate {
  if (ignoreCase && typeof expected === "string") {
    const folded = foldCase(expected);
    return (value) => typeof value === "string" && foldCase(value) === folded;
  }
  return (value) => value === expected;
}
