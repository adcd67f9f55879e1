import type { AdminActor, AdminAuditLog, AdminAuditRecord } from "@jwtgrant/core";
import { desc, lt } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { guardPort } from "./guard-port.js";
import { adminAudit } from "./schema.js";

type Row = typeof adminAudit.$inferSelect;

function actorColumns(actor: AdminActor): Pick<Row, "actorKind" | "actorId" | "actorName"> {
  switch (actor.kind) {
    case "bootstrap_token":
      return { actorKind: actor.kind, actorId: actor.fingerprint ?? null, actorName: null };
    case "api_key":
      return { actorKind: actor.kind, actorId: actor.id, actorName: actor.name };
    case "console":
      return { actorKind: actor.kind, actorId: actor.session, actorName: null };
    case "server":
      return { actorKind: actor.kind, actorId: actor.task, actorName: null };
  }
}

function actorOf(row: Row): AdminActor {
  switch (row.actorKind) {
    case "bootstrap_token":
      return row.actorId === null
        ? { kind: row.actorKind }
        : { kind: row.actorKind, fingerprint: row.actorId };
    case "api_key":
      return { kind: row.actorKind, id: row.actorId ?? "", name: row.actorName ?? "" };
    case "console":
      return { kind: row.actorKind, session: row.actorId ?? "" };
    case "server":
      return {
        kind: row.actorKind,
        task: row.actorId === "bootstrap_file" ? "bootstrap_file" : "key_rotation_schedule",
      };
  }
}

const toRecord = (row: Row): AdminAuditRecord => ({
  id: String(row.id),
  at: row.at,
  actor: actorOf(row),
  action: row.action,
  targetId: row.targetId,
  before: row.before,
  after: row.after,
});

/** Written at once, not buffered as grant decisions are: an admin change is rare, and its record must not be lost. */
export function createPgAdminAuditLog(db: Database, calls: DatabaseCalls): AdminAuditLog {
  return guardPort<AdminAuditLog>(calls, {
    async record(entry) {
      const [row] = await db
        .insert(adminAudit)
        .values({
          at: entry.at,
          ...actorColumns(entry.actor),
          action: entry.action,
          targetId: entry.targetId,
          before: entry.before,
          after: entry.after,
        })
        .returning();
      if (row === undefined) throw new Error("admin_audit: the insert returned no row");
      return toRecord(row);
    },
    async list({ limit, before }) {
      const rows = await db
        .select()
        .from(adminAudit)
        .where(before === undefined ? undefined : lt(adminAudit.id, Number(before)))
        .orderBy(desc(adminAudit.id))
        .limit(limit);
      return rows.map(toRecord);
    },
  });
}
