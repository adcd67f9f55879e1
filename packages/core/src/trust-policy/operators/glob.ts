import { compileGlob } from "../compile-glob.js";
import type { ClaimPredicate, ConditionOf } from "./claim-predicate.js";

/** `glob`: the claim is a string that matches the pattern whole. */
export function compileGlobCondition({ value: pattern, ignoreCase }: ConditionOf<"glob">): ClaimPredicate {
  const matches = compileGlob(pattern, ignoreCase);
  return (value) => typeof value === "string" && matches(value);
}
