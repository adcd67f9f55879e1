import type { ClientEntry, IssuerEntry } from "./trust-document.js";
import type { FieldChange } from "./trust-plan.js";
import type { ClientBody, IssuerBody } from "./trust-target.js";

const KEY_SOURCE_FIELDS: readonly string[] = ["certificate", "certificates", "jwks", "jwks_uri", "discovery"];

/** A whole issuer entry as a create body: `subjects: null` is the API's `allow_any_subject: true`. */
export function issuerCreateBody(entry: IssuerEntry): IssuerBody {
  const { subjects, ...fields } = entry;
  return subjects === null ? { ...fields, allow_any_subject: true } : { ...fields, subjects };
}

/** The fields of `entry` that `changes` name; a key source going away is replaced by the new one. */
function pick<Entry extends object>(entry: Entry, changes: readonly FieldChange[]): Partial<Entry> {
  const names = new Set(
    changes
      .filter(({ field, to }) => !(to === undefined && KEY_SOURCE_FIELDS.includes(field)))
      .map(({ field }) => field),
  );
  return Object.fromEntries(Object.entries(entry).filter(([field]) => names.has(field))) as Partial<Entry>;
}

/** A patch of the changed fields only. */
export function issuerPatchBody(entry: IssuerEntry, changes: readonly FieldChange[]): IssuerBody {
  const { subjects, ...fields } = pick(entry, changes);
  if (subjects === undefined) return fields;
  return subjects === null ? { ...fields, allow_any_subject: true } : { ...fields, subjects };
}

export function clientPatchBody(entry: ClientEntry, changes: readonly FieldChange[]): ClientBody {
  return pick(entry, changes);
}
