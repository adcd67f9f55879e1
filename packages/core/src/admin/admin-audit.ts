import type { AdminAuditRecord } from "../domain/admin-audit-record.js";
import type { EngineContext } from "../engine/context.js";
import { fieldError } from "./field-error.js";

export const DEFAULT_ADMIN_AUDIT_LIMIT = 50;
export const MAX_ADMIN_AUDIT_LIMIT = 500;
/** A record id: what the storage adapters give, and nothing a query could choke on. */
const RECORD_ID = /^[1-9][0-9]{0,14}$/;

export interface AdminAuditQuery {
  /** 1 to `MAX_ADMIN_AUDIT_LIMIT`; default `DEFAULT_ADMIN_AUDIT_LIMIT`. */
  readonly limit?: number | undefined;
  /** A record's `id`: only older records. */
  readonly before?: string | undefined;
}

/** The admin changes, newest first, a page at a time. */
export async function listAdminAudit(
  ctx: EngineContext,
  query: AdminAuditQuery = {},
): Promise<AdminAuditRecord[]> {
  const limit = query.limit ?? DEFAULT_ADMIN_AUDIT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ADMIN_AUDIT_LIMIT) {
    throw fieldError("limit", `must be a whole number between 1 and ${MAX_ADMIN_AUDIT_LIMIT}`);
  }
  if (query.before !== undefined && !RECORD_ID.test(query.before)) {
    throw fieldError("before", "must be the id of an audit record");
  }
  return ctx.storage.adminAudit.list({ limit, before: query.before });
}
