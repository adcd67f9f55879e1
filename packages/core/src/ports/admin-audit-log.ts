import type { AdminAuditEntry, AdminAuditRecord } from "../domain/admin-audit-record.js";

/** One page of the admin audit log. */
export interface AdminAuditPage {
  /** At most this many records. */
  readonly limit: number;
  /** Only records older than the one with this id (a record's `id`); absent: from the newest. */
  readonly before?: string | undefined;
}

/** The trail of admin changes. Kept for good: it grows with admin activity only, which is small. */
export interface AdminAuditLog {
  /**
   * Writes an entry durably before resolving, and gives it an id greater than any given before, also by
   * another instance on the same storage.
   */
  record(entry: AdminAuditEntry): Promise<AdminAuditRecord>;
  /** Records newest first (by id); an unknown `before` id pages from where it would have been. */
  list(page: AdminAuditPage): Promise<AdminAuditRecord[]>;
}
