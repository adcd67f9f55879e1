import type { JsonValue } from "../../domain/json-value.js";
import type { ClaimScalar, TrustCondition } from "../../domain/trust-rule.js";

/** A compiled condition: whether the claim's value (`undefined` when missing) satisfies it. */
export type ClaimPredicate = (value: JsonValue | undefined) => boolean;

/** The condition of one operator. */
export type ConditionOf<Operator extends TrustCondition["operator"]> = Extract<
  TrustCondition,
  { readonly operator: Operator }
>;

export function isClaimScalar(value: JsonValue | undefined): value is ClaimScalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
