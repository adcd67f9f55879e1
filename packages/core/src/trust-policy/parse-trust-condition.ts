import { fieldError } from "../admin/field-error.js";
import { type ClaimScalar, CONDITION_OPERATORS, type TrustCondition } from "../domain/trust-rule.js";
import type { FieldPath } from "../errors/field-path.js";
import { isStorableText } from "../util/storable-text.js";
import { claimReferenceProblem } from "./claim-reference-problem.js";
import { ownProperty } from "./own-property.js";
import { TRUST_POLICY_LIMITS } from "./trust-policy-limits.js";
import { firstUnknownKey, isIndexLikeKey, isWireObject } from "./wire-object.js";

const CONDITION_FIELDS: readonly string[] = [...CONDITION_OPERATORS, "ignore_case"];
const OPERATOR_LIST = CONDITION_OPERATORS.join(", ");

/** A string compared with a claim, or a glob: bounded, and text that storage keeps as it is. */
function boundedString(path: FieldPath, label: string, value: string): string {
  if (value.length > TRUST_POLICY_LIMITS.value) {
    throw fieldError(path, `${label} must be at most ${TRUST_POLICY_LIMITS.value} characters`);
  }
  if (!isStorableText(value))
    throw fieldError(path, `${label} must be text without NUL or unpaired surrogates`);
  return value;
}

function scalar(path: FieldPath, label: string, value: unknown): ClaimScalar {
  if (typeof value === "string") return boundedString(path, label, value);
  if (typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return value;
  throw fieldError(path, `${label} must be a string, number or boolean`);
}

function scalars(path: FieldPath, value: unknown): ClaimScalar[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw fieldError(path, "in must be a non-empty array of strings, numbers or booleans");
  }
  if (value.length > TRUST_POLICY_LIMITS.inValues) {
    throw fieldError(path, `in must hold at most ${TRUST_POLICY_LIMITS.inValues} values`);
  }
  const items: readonly unknown[] = value;
  return items.map((item, index) => scalar(path, `in[${index}]`, item));
}

function glob(path: FieldPath, value: unknown): string {
  if (typeof value !== "string") throw fieldError(path, "glob must be a string");
  if (value.length === 0) throw fieldError(path, "glob must not be empty");
  return boundedString(path, "glob", value);
}

function exists(path: FieldPath, value: unknown): boolean {
  if (typeof value !== "boolean") throw fieldError(path, "exists must be true or false");
  return value;
}

/**
 * One condition of a rule's `when`, in wire form: `claim` is its key, `input` its operator object, `path`
 * where it is (`rules[1].when.ref`). Operator problems are reported on the condition's path, naming the
 * operator; an unknown member on its own path.
 */
export function parseTrustCondition(path: FieldPath, claim: string, input: unknown): TrustCondition {
  const referenceProblem = claimReferenceProblem(claim);
  if (referenceProblem !== null) throw fieldError(path, referenceProblem);
  if (isIndexLikeKey(claim)) {
    throw fieldError(path, `a claim named by digits only must be written as a JSON Pointer (/${claim})`);
  }
  if (!isWireObject(input))
    throw fieldError(path, `must be an object with exactly one operator: ${OPERATOR_LIST}`);
  const unknown = firstUnknownKey(input, CONDITION_FIELDS);
  if (unknown !== undefined) throw fieldError([...path, unknown], "is not a known field");
  const operators = CONDITION_OPERATORS.filter((operator) => Object.hasOwn(input, operator));
  const [operator] = operators;
  if (operator === undefined || operators.length > 1)
    throw fieldError(path, `must have exactly one operator: ${OPERATOR_LIST}`);
  const value = ownProperty(input, operator);
  const ignoreCase = ownProperty(input, "ignore_case");
  if (ignoreCase !== undefined && typeof ignoreCase !== "boolean") {
    throw fieldError(path, "ignore_case must be true or false");
  }
  switch (operator) {
    case "eq":
      return { claim, operator, value: scalar(path, "eq", value), ignoreCase: ignoreCase ?? false };
    case "in":
      return { claim, operator, value: scalars(path, value), ignoreCase: ignoreCase ?? false };
    case "glob":
      return { claim, operator, value: glob(path, value), ignoreCase: ignoreCase ?? false };
    case "contains":
    case "exists":
      if (ignoreCase !== undefined) throw fieldError(path, "ignore_case applies to eq, in and glob only");
      return operator === "contains"
        ? { claim, operator, value: scalar(path, "contains", value) }
        : { claim, operator, value: exists(path, value) };
  }
}
