import { fieldError } from "../admin/field-error.js";
import type { FieldPath } from "../errors/field-path.js";
import { firstUnknownKey, isWireObject } from "../trust-policy/wire-object.js";

/** The longest string a document field may hold (a PEM certificate chain fits many times over). */
const MAX_STRING_LENGTH = 65_536;
/** The most items of a list field; the admin API bounds each list more tightly. */
const MAX_LIST_LENGTH = 100;

/** Reads the fields of one JSON object of a document, each refusal naming its full path. */
export interface EntryReader {
  at(name: string): FieldPath;
  has(name: string): boolean;
  raw(name: string): unknown;
  string(name: string): string | undefined;
  nullableString(name: string): string | null | undefined;
  stringList(name: string): string[] | undefined;
  nullableStringList(name: string): string[] | null | undefined;
  nullableInteger(name: string): number | null | undefined;
  boolean(name: string): boolean | undefined;
}

/** `value` must be an object whose keys are all `known`; `path` names it in refusals. */
export function entryReader(path: FieldPath, value: unknown, known: readonly string[]): EntryReader {
  if (!isWireObject(value)) throw fieldError(path, "must be an object");
  const unknown = firstUnknownKey(value, known);
  if (unknown !== undefined) throw fieldError([...path, unknown], "is not a known field");
  const fields = new Map(Object.entries(value));
  const at = (name: string): FieldPath => [...path, name];
  const string = (item: unknown, where: FieldPath): string => {
    if (typeof item !== "string") throw fieldError(where, "must be a string");
    if (item.length > MAX_STRING_LENGTH) {
      throw fieldError(where, `must be at most ${MAX_STRING_LENGTH} characters`);
    }
    return item;
  };
  const stringList = (name: string, item: unknown): string[] => {
    if (!Array.isArray(item)) throw fieldError(at(name), "must be an array of strings");
    if (item.length > MAX_LIST_LENGTH)
      throw fieldError(at(name), `must hold at most ${MAX_LIST_LENGTH} items`);
    const items: readonly unknown[] = item;
    return items.map((element, index) => string(element, [...at(name), index]));
  };
  return {
    at,
    has: (name) => fields.has(name),
    raw: (name) => fields.get(name),
    string(name) {
      const item = fields.get(name);
      return item === undefined ? undefined : string(item, at(name));
    },
    nullableString(name) {
      const item = fields.get(name);
      return item === undefined || item === null ? item : string(item, at(name));
    },
    stringList(name) {
      const item = fields.get(name);
      return item === undefined ? undefined : stringList(name, item);
    },
    nullableStringList(name) {
      const item = fields.get(name);
      return item === undefined || item === null ? item : stringList(name, item);
    },
    nullableInteger(name) {
      const item = fields.get(name);
      if (item === undefined || item === null) return item;
      if (typeof item !== "number" || !Number.isSafeInteger(item)) {
        throw fieldError(at(name), "must be a whole number");
      }
      return item;
    },
    boolean(name) {
      const item = fields.get(name);
      if (item !== undefined && typeof item !== "boolean")
        throw fieldError(at(name), "must be true or false");
      return item;
    },
  };
}
