import { fieldError } from "../admin/field-error.js";
import { firstUnknownKey, isWireObject } from "../trust-policy/wire-object.js";
import { parseClientEntry } from "./parse-client-entry.js";
import { parseIssuerEntry } from "./parse-issuer-entry.js";
import { TRUST_DOCUMENT_VERSION, type TrustDocument } from "./trust-document.js";

/** The most issuers, and the most clients, one document declares. */
export const MAX_DOCUMENT_ENTRIES = 1000;

function entries(document: object, name: "issuers" | "clients"): readonly unknown[] {
  const value = name in document ? (document as Record<typeof name, unknown>)[name] : [];
  if (!Array.isArray(value)) throw fieldError(name, "must be an array");
  if (value.length > MAX_DOCUMENT_ENTRIES)
    throw fieldError(name, `must hold at most ${MAX_DOCUMENT_ENTRIES} entries`);
  return value;
}

/** Refuses a second entry with the same key, naming both. */
function checkUnique(name: "issuers" | "clients", keyField: string, keys: readonly string[]): void {
  const first = new Map<string, number>();
  keys.forEach((key, index) => {
    const earlier = first.get(key);
    if (earlier !== undefined) throw fieldError([name, index, keyField], `repeats ${name}[${earlier}]`);
    first.set(key, index);
  });
}

/**
 * A trust document from its parsed JSON (a YAML file is parsed by the caller): `version: 1`, `issuers` keyed
 * by `issuer`, `clients` keyed by `client_id`. Throws the `invalid_request` field error of the first problem,
 * naming its path from the top (`clients[1].client_secret_file: is required, …`).
 */
export function parseTrustDocument(value: unknown): TrustDocument {
  if (!isWireObject(value)) throw fieldError("version", "a trust document must be an object");
  const unknown = firstUnknownKey(value, ["version", "issuers", "clients"]);
  if (unknown !== undefined) throw fieldError(unknown, "is not a known field");
  if (!("version" in value) || value.version !== TRUST_DOCUMENT_VERSION) {
    throw fieldError("version", `must be ${TRUST_DOCUMENT_VERSION}`);
  }
  const issuers = entries(value, "issuers").map((entry, index) =>
    parseIssuerEntry(["issuers", index], entry),
  );
  checkUnique(
    "issuers",
    "issuer",
    issuers.map((issuer) => issuer.issuer),
  );
  const clients = entries(value, "clients").map((entry, index) =>
    parseClientEntry(["clients", index], entry),
  );
  checkUnique(
    "clients",
    "client_id",
    clients.map((client) => client.entry.client_id),
  );
  return { issuers, clients };
}
