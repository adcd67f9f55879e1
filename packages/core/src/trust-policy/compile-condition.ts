import type { TrustCondition } from "../domain/trust-rule.js";
import type { ClaimPredicate } from "./operators/claim-predicate.js";
import { compileContainsCondition } from "./operators/contains.js";
import { compileEqCondition } from "./operators/eq.js";
import { compileExistsCondition } from "./operators/exists.js";
import { compileGlobCondition } from "./operators/glob.js";
import { compileInCondition } from "./operators/in.js";

/** A condition as a predicate on its claim's value, by its operator. */
export function compileCondition(condition: TrustCondition): ClaimPredicate {
  switch (condition.operator) {
    case "eq":
      return compileEqCondition(condition);
    case "in":
      return compileInCondition(condition);
    case "glob":
      return compileGlobCondition(condition);
    case "contains":
      return compileContainsCondition(condition);
    case "exists":
      return compileExistsCondition(condition);
  }
}
