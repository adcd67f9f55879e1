import { alignColumns } from "./align-columns.js";
import { formatDetails } from "./details.js";
import { formatValue } from "./format-value.js";
import { asRecord, type JsonRecord } from "./response-shape.js";

/** A claim value longer than this is cut, so that one condition stays one line; `--json` has it whole. */
const MAX_ACTUAL_LENGTH = 120;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const indent = (text: string): string => text.replace(/^(?=.)/gm, "  ");

/** The claim's value as JSON (a string in quotes, so that `"1"` and `1` differ), or `(missing)`. */
function formatActual(condition: JsonRecord): string {
  if (!("actual" in condition)) return "(missing)";
  const json = JSON.stringify(condition.actual);
  return json.length > MAX_ACTUAL_LENGTH ? `${json.slice(0, MAX_ACTUAL_LENGTH - 1)}…` : json;
}

function formatRule(rule: unknown): string {
  if (!isRecord(rule)) return `${JSON.stringify(rule)}\n`;
  const heading = `${formatValue(rule.name)}: ${rule.matched === true ? "matched" : "not matched"}`;
  const conditions = Array.isArray(rule.conditions) ? rule.conditions.filter(isRecord) : [];
  const lines = alignColumns(
    conditions.map((condition) => [
      condition.passed === true ? "passed" : "failed",
      formatValue(condition.claim),
      formatValue(condition.operator),
      formatActual(condition),
    ]),
  );
  return [heading, ...lines.map((line) => `  ${line}`)].join("\n").concat("\n");
}

function formatToken(token: unknown): string {
  if (!isRecord(token)) return `${formatValue(token)}\n`;
  const claims = isRecord(token.claims)
    ? Object.entries(token.claims).map(([name, value]): [string, unknown] => [name, JSON.stringify(value)])
    : [];
  return formatDetails([
    ["sub", token.sub],
    ["scope", token.scope],
    ["expires_in", token.expires_in],
    ["refresh_token", token.refresh_token],
    ["claims", claims.length === 0 ? "-" : formatDetails(claims)],
  ]);
}

/**
 * The answer of `POST /admin/explain` for people: the verdict and why, then each rule of the issuer with each
 * condition's result and the claim's actual value, then the token that would be issued.
 */
export function formatExplanation(explanation: unknown): string {
  const answer = asRecord(explanation);
  const verdict = formatDetails([
    ["outcome", answer.outcome === "would_grant" ? "would grant" : answer.outcome],
    ["error", answer.error],
    ["reason", answer.reason],
    ["description", answer.error_description],
    ["issuer", answer.issuer],
    ["rule", answer.rule],
    ["client", answer.client],
    ["jti_used", answer.jti_used],
  ]);
  const rules = Array.isArray(answer.rules) ? answer.rules.map(formatRule).join("") : "-\n";
  return [verdict, `rules\n${indent(rules)}`, `token\n${indent(formatToken(answer.token))}`].join("\n");
}
