import type { ClaimScalar } from "../../domain/trust-rule.js";
import { foldCase } from "../fold-case.js";
import { type ClaimPredicate, type ConditionOf, isClaimScalar } from "./claim-predicate.js";

/**
 * `in`: the claim is one of the values, each compared as `eq` does. A `Set` keeps types apart (`"1"` and `1`
 * are two members), so the lookup never coerces.
 */
export function compileInCondition({ value: expected, ignoreCase }: ConditionOf<"in">): ClaimPredicate {
  const normalize = (value: ClaimScalar): ClaimScalar =>
    ignoreCase && typeof value === "string" ? foldCase(value) : value;
  const accepted = new Set(expected.map(normalize));
  return (value) => isClaimScalar(value) && accepted.has(normalize(value));
}
