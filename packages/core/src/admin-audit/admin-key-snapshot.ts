import type { AdminKeyView } from "../domain/admin-key.js";
import type { JsonObjectValue } from "../domain/json-value.js";

/** An admin key for the audit log: its name and id, never the key or its hash. */
export function adminKeySnapshot(key: AdminKeyView): JsonObjectValue {
  return { id: key.id, name: key.name, created_at: key.createdAt.toISOString() };
}
