import type { JsonValue } from "../domain/json-value.js";
import type { FieldChange, TrustChange, TrustPlan } from "./trust-plan.js";

/** Past this many characters a value is shortened: a certificate or a rule list would drown the plan. */
const MAX_SHOWN = 80;

function shown(value: JsonValue | undefined): string {
  if (value === undefined) return "(none)";
  const text = JSON.stringify(value);
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN - 1)}…`;
}

function fieldLine(subject: string, { field, from, to }: FieldChange): string {
  return `~ ${subject}: ${field} ${shown(from)} → ${shown(to)}`;
}

function changeLines(change: TrustChange): string[] {
  const subject = `${change.kind} ${change.key}`;
  switch (change.action) {
    case "create":
      return [`+ ${subject}`];
    case "update":
      return change.changes.map((fieldChange) => fieldLine(subject, fieldChange));
    case "delete":
      return [`- ${subject}`];
  }
}

/**
 * A plan for people, one line per created or deleted entry and per changed field
 * (`~ issuer https://idp.example.com: scope "read" → "read write"`), or that there is nothing to do.
 */
export function formatTrustPlan(plan: TrustPlan): string[] {
  if (plan.changes.length === 0) return ["nothing to do: the server matches the document"];
  return plan.changes.flatMap(changeLines);
}

/** A plan for scripts: what each step does, field by field; never a secret (only where one is read from). */
export function trustPlanToJson(plan: TrustPlan): JsonValue {
  return {
    changes: plan.changes.map((change): JsonValue => {
      const base = { action: change.action, kind: change.kind, key: change.key };
      if (change.action === "update") {
        return {
          ...base,
          fields: change.changes.map(({ field, from, to }) => ({
            field,
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
          })),
        };
      }
      return base;
    }),
  };
}
