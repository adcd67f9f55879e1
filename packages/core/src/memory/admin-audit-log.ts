import type { AdminAuditRecord } from "../domain/admin-audit-record.js";
import type { AdminAuditLog } from "../ports/admin-audit-log.js";

/** Keeps every admin change of this process, in order. */
export function createMemoryAdminAuditLog(): AdminAuditLog {
  const records: AdminAuditRecord[] = [];
  return {
    async record(entry) {
      const record = { ...structuredClone(entry), id: String(records.length + 1) };
      records.push(record);
      return structuredClone(record);
    },
    async list({ limit, before }) {
      const end = before === undefined ? records.length : Math.min(Number(before) - 1, records.length);
      return structuredClone(records.slice(Math.max(0, end - limit), Math.max(0, end)).reverse());
    },
  };
}
