import type { GrantAuditEntry, GrantAuditLog } from "../ports/grant-audit-log.js";

const DEFAULT_CAPACITY = 1000;

/** Keeps the latest `capacity` decisions; older ones fall off. */
export function createMemoryGrantAuditLog(capacity = DEFAULT_CAPACITY): GrantAuditLog {
  const entries: GrantAuditEntry[] = [];
  return {
    record(entry) {
      entries.push(structuredClone(entry));
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
    },
    async recent(limit) {
      return structuredClone(entries.slice(-limit).reverse());
    },
  };
}
