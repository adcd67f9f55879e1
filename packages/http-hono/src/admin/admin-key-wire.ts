import type { AdminKeyView } from "@jwtgrant/core";
import type { AdminKeyWire } from "./admin-key-schemas.js";

export function adminKeyToWire(key: AdminKeyView): AdminKeyWire {
  return { id: key.id, name: key.name, created_at: key.createdAt.toISOString() };
}
