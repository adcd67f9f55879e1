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

const conditionsOf = (rule: JsonRecord): JsonRecord[] =>
  Array.isArray(rule.conditions) ? rule.conditions.filter(isRecord) : [];

/** Each rule's verdict, then its conditions, aligned across every rule so that the columns read down. */
function formatRules(rules: readonly unknown[]): string {
  const records = rules.filter(isRecord);
  const lines = alignColumns(
    records.flatMap((rule) =>
      conditionsOf(rule).map((condition) => [
        condition.passed === true ? "passed" : "failed",
        formatValue(condition.claim),
        formatValue(condition.operator),
        formatActual(condition),
      ]),
    ),
  );
  let next = 0;
  return records
    .map((rule) => {
      const count = conditionsOf(rule).length;
      const conditions = lines.slice(next, next + count).map((line) => `  ${line}\n`);
      next += count;
      return `${formatValue(rule.name)}: ${rule.matched === true ? "matched" : "not matched"}\n${conditions.join("")}`;
    })
    .join("");
}

function formatToken(token: JsonRecord): string {
  const claims = isRecord(token.claims)
    ? Object.entries(token.claims).map(([name, value]): [string, unknown] => [name, JSON.stringify(value)])
    : [];
  return formatDetails([
    ["sub", token.sub],
    ["scope", token.scope],
    ["aud", Array.isArray(token.aud) ? token.aud.join(" ") : token.aud],
    ["expires_in", token.expires_in],
    ["refresh_token", token.refresh_token],
    ["claims", claims.length === 0 ? "-" : formatDetails(claims)],
  ]);
}

/**
 * The answer of `POST /admin/explain` for people: the verdict and why, then each rule of the issuer with each
 * condition's result and the claim's actual value, then the token that would be issued. Tolerant of members
 * it does not know, or missing, as a server of another version may send them.
 */
export function formatExplanation(explanation: unknown): string {
  const answer = asRecord(explanation);
  const verdict = formatDetails([
    ["outcome", answer.outcome === "would_grant" ? "would grant" : answer.outcome],
    [
      "profile",
      answer.profile === "id-jag" ? "id-jag (an ID-JAG, under that profile's rules)" : answer.profile,
    ],
    ["error", answer.error],
    ["reason", answer.reason],
    ["description", answer.error_description],
    ["issuer", answer.issuer],
    ["rule", answer.rule],
    ["client", answer.client],
    ["jti_used", answer.jti_used],
    // Without rules (an unknown issuer, or one without rules) or a token, a dash says so in place.
    ...(Array.isArray(answer.rules) ? [] : [["rules", answer.rules] as const]),
    ...(isRecord(answer.token) ? [] : [["token", answer.token] as const]),
  ]);
  const sections = [
    ...(Array.isArray(answer.rules) ? [`rules\n${indent(formatRules(answer.rules))}`] : []),
    ...(isRecord(answer.token) ? [`token\n${indent(formatToken(answer.token))}`] : []),
  ];
  return [verdict, ...sections].join("\n");
}
