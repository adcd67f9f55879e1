import type { JsonValue } from "../domain/json-value.js";
import type { FieldChange } from "./trust-plan.js";

/** An entry's fields; entries are built of JSON values only, by their parsers. */
function fieldsOf(entry: object): ReadonlyMap<string, JsonValue> {
  return new Map(Object.entries(entry) as [string, JsonValue][]);
}

/** Equal as JSON, member order included: a rule's conditions are evaluated in the order written. */
function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields whose values differ between two entries of one kind, in the order the desired entry lists its
 * fields (then those only the current one has), the key field excluded.
 */
export function diffEntries(current: object, desired: object, keyField: string): FieldChange[] {
  const from = fieldsOf(current);
  const to = fieldsOf(desired);
  const fields = [...new Set([...to.keys(), ...from.keys()])].filter((field) => field !== keyField);
  return fields
    .filter((field) => !sameJson(from.get(field), to.get(field)))
    .map((field) => ({ field, from: from.get(field), to: to.get(field) }));
}
