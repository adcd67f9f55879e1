/** A value as JSON carries it: what a decoded assertion's claims are made of. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObjectValue;

/** A JSON object whose members are JSON values. */
export interface JsonObjectValue {
  readonly [key: string]: JsonValue;
}
