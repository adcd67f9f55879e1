import { alignColumns } from "./align-columns.js";
import { formatDetails } from "./details.js";
import { formatValue } from "./format-value.js";

type JsonRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const indent = (text: string): string => text.replace(/^(?=.)/gm, "  ");

/** `glob "refs/heads/*"`: the operator, and its value as JSON, so that `"1"` and `1` look different. */
function formatCondition(condition: unknown): string {
  if (!isRecord(condition)) return JSON.stringify(condition);
  const operators = Object.entries(condition)
    .filter(([key]) => key !== "ignore_case")
    .map(([operator, value]) => `${operator} ${JSON.stringify(value)}`);
  return [...operators, ...(condition.ignore_case === true ? ["ignore_case"] : [])].join(" ");
}

function formatRule(rule: unknown): string {
  if (!isRecord(rule)) return JSON.stringify(rule);
  const when = isRecord(rule.when)
    ? alignColumns(
        Object.entries(rule.when).map(([claim, condition]) => [claim, formatCondition(condition)]),
      ).join("\n")
    : formatValue(rule.when);
  const claims = isRecord(rule.claims)
    ? Object.entries(rule.claims)
        .map(([target, source]) => `${target} ← ${formatValue(source)}`)
        .join(", ")
    : rule.claims;
  const settings: [string, unknown][] = [
    ["scope", rule.scope],
    ["subject", rule.subject],
    ["claims", claims],
    ["access_token_ttl", rule.access_token_ttl],
  ];
  const details = formatDetails([
    ["when", when],
    ...settings.filter(([, value]) => value !== undefined && value !== null),
    ["refresh_tokens", rule.refresh_tokens],
  ]);
  return `${formatValue(rule.name)}\n${indent(details)}`;
}

/**
 * An issuer's trust rules for people: each rule's name, then its conditions one per line, claim and operator
 * aligned, values as JSON; then what it grants. `-` for no rules.
 */
export function formatTrustRules(rules: unknown): string {
  if (!Array.isArray(rules) || rules.length === 0) return formatValue(rules);
  return rules.map(formatRule).join("").trimEnd();
}
