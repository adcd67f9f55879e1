import type { AdminAuditLog } from "@jwtgrant/core";
import type { JsonLogger } from "./json-logger.js";

/**
 * The admin audit log, each change also written as one info line of the JSON log, before the database
 * write: a record the database fails to keep is still in the log. Its before and after carry no secret.
 */
export function logAdminChanges(log: AdminAuditLog, logger: JsonLogger): AdminAuditLog {
  return {
    record(entry) {
      logger.log("info", "admin change", {
        action: entry.action,
        actor: entry.actor,
        target_id: entry.targetId,
        before: entry.before,
        after: entry.after,
      });
      return log.record(entry);
    },
    list: (page) => log.list(page),
  };
}
