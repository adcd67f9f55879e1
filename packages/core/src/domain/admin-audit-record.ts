import type { AdminActor } from "./admin-actor.js";
import type { JsonObjectValue } from "./json-value.js";

export const ADMIN_ACTIONS = [
  "issuer.create",
  "issuer.update",
  "issuer.delete",
  "client.create",
  "client.update",
  "client.delete",
  "client.rotate_secret",
  "signing_key.rotate",
  "admin_key.create",
  "admin_key.revoke",
] as const;

/** What an admin change did, as `<record kind>.<verb>`. */
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/**
 * One admin change. `before` and `after` are the record as the admin API shows it (snake_case), with every
 * secret left out: no client secret or its hash, no private key, no admin key or its hash.
 */
export interface AdminAuditEntry {
  readonly at: Date;
  readonly actor: AdminActor;
  readonly action: AdminAction;
  /** The issuer's id, the client's `client_id`, the signing key's `kid`, the admin key's id. */
  readonly targetId: string;
  /** `null` for a creation. */
  readonly before: JsonObjectValue | null;
  /** `null` for a deletion or revocation. */
  readonly after: JsonObjectValue | null;
}

/** An entry as stored, with the id the storage gave it: a cursor for paging, ascending in recording order. */
export interface AdminAuditRecord extends AdminAuditEntry {
  /** Decimal digits; opaque but for being a valid `before` cursor. */
  readonly id: string;
}
