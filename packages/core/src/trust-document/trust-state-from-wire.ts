import { fieldError } from "../admin/field-error.js";
import { isWireObject } from "../trust-policy/wire-object.js";
import { parseClientEntry } from "./parse-client-entry.js";
import { parseIssuerEntry } from "./parse-issuer-entry.js";
import type { TrustState } from "./trust-document.js";

function issuerId(index: number, value: unknown): string {
  if (!isWireObject(value) || !("id" in value) || typeof value.id !== "string") {
    throw fieldError(["issuers", index, "id"], "must be a string");
  }
  return value.id;
}

/**
 * The server's state from the admin API's lists (`GET /admin/issuers` and `GET /admin/clients` items), read
 * by the same parser as a document, so that what the server answers and what a document says compare alike.
 */
export function trustStateFromWire(lists: {
  readonly issuers: readonly unknown[];
  readonly clients: readonly unknown[];
}): TrustState {
  return {
    issuers: lists.issuers.map((item, index) => ({
      id: issuerId(index, item),
      entry: parseIssuerEntry(["issuers", index], item, true),
    })),
    clients: lists.clients.map((item, index) => parseClientEntry(["clients", index], item, true).entry),
  };
}
