import type { AdminAuditRecord } from "@jwtgrant/core";
import type { AdminAuditRecordWire } from "./admin-audit-schemas.js";

export function adminAuditRecordToWire(record: AdminAuditRecord): AdminAuditRecordWire {
  return {
    id: record.id,
    at: record.at.toISOString(),
    actor: record.actor,
    action: record.action,
    target_id: record.targetId,
    before: record.before,
    after: record.after,
  };
}
