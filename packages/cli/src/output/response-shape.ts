import { CliError } from "../cli-error.js";

export type JsonRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The server's JSON object, or a clear failure when something else answered (a proxy, another service). */
export function asRecord(value: unknown): JsonRecord {
  if (!isRecord(value)) throw new CliError("the server answered with something other than a JSON object");
  return value;
}

/** The records of an admin list response, `{"items": [...]}`. */
export function asItems(value: unknown): JsonRecord[] {
  const items = asRecord(value).items;
  if (!Array.isArray(items) || !items.every(isRecord)) {
    throw new CliError("the server answered with a list that has no items");
  }
  return items;
}
