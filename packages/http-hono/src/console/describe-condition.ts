import type { TrustCondition } from "@jwtgrant/core";

/**
 * A condition as one line, `claim operator value`, with the value as JSON so that `"1342004"` and `1342004`
 * read differently: the operators never coerce one into the other.
 */
export function describeCondition(condition: TrustCondition): string {
  const text = `${condition.claim} ${condition.operator} ${JSON.stringify(condition.value)}`;
  return "ignoreCase" in condition && condition.ignoreCase ? `${text} (ignore case)` : text;
}
