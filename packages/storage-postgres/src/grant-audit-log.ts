import { type GrantAuditEntry, type GrantAuditLog, StorageUnavailableError } from "@jwtgrant/core";
import { desc, type SQL, sql } from "drizzle-orm";
import type { Database } from "./database.js";
import type { DatabaseCalls } from "./database-calls.js";
import { grantAudit } from "./schema.js";

export interface BufferedAuditLogOptions {
  /** Write buffered decisions at least this often. Default 1000. */
  readonly flushIntervalMs?: number;
  /** Write as soon as this many are buffered. Default 200. */
  readonly batchSize?: number;
  /** While the database is down, keep at most this many; the oldest are dropped first. Default 10000. */
  readonly maxBuffered?: number;
}

export interface BufferedAuditLog extends GrantAuditLog {
  /** Writes everything buffered now. */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left. */
  close(): Promise<void>;
}

/**
 * One statement for any batch: the rows travel as one JSON parameter, so the SQL text never changes and is
 * neither rebuilt per row nor re-planned per batch size.
 */
function insertBatch(batch: readonly GrantAuditEntry[]): SQL {
  const rows = batch.map((entry) => ({
    at: entry.at.toISOString(),
    grant_type: entry.grantType,
    client_id: entry.clientId,
    issuer: entry.issuer,
    subject: entry.subject,
    jti: entry.jti,
    outcome: entry.outcome,
    reason: entry.reason,
    rule: entry.rule,
    actor_issuer: entry.actor?.issuer ?? null,
    actor_subject: entry.actor?.subject ?? null,
  }));
  return sql`insert into ${grantAudit} (at, grant_type, client_id, issuer, subject, jti, outcome, reason, rule,
      actor_issuer, actor_subject)
    select at, grant_type, client_id, issuer, subject, jti, outcome, reason, rule, actor_issuer, actor_subject
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      at timestamptz, grant_type text, client_id text, issuer text, subject text, jti text, outcome text, reason text,
      rule text, actor_issuer text, actor_subject text)`;
}

/**
 * Decisions are buffered and written in multi-row batches, so the audit trail costs the token endpoint no
 * round trip of its own.
 */
export function createPgGrantAuditLog(
  db: Database,
  calls: DatabaseCalls,
  options: BufferedAuditLogOptions = {},
): BufferedAuditLog {
  const batchSize = options.batchSize ?? 200;
  const maxBuffered = options.maxBuffered ?? 10_000;
  let buffer: GrantAuditEntry[] = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    // Each flush runs after the one before, whatever became of that one.
    writing = writing
      .catch(() => {})
      .then(async () => {
        if (buffer.length === 0) return;
        const batch = buffer;
        buffer = [];
        try {
          await calls.run(() => db.execute(insertBatch(batch)));
        } catch (error) {
          // Kept for the next flush only through an outage: a batch the database refuses for its content
          // would be refused again, and would keep every later decision out of the trail.
          if (error instanceof StorageUnavailableError) buffer = batch.concat(buffer).slice(-maxBuffered);
          throw error;
        }
      });
    return writing;
  };

  const flushQuietly = () => {
    flush().catch(() => {
      // Kept in the buffer for the next flush; a grant never fails for its audit record.
    });
  };

  const timer = setInterval(flushQuietly, options.flushIntervalMs ?? 1000);
  timer.unref?.();

  return {
    record(entry) {
      buffer.push(entry);
      if (buffer.length > maxBuffered) buffer.shift();
      if (buffer.length >= batchSize) flushQuietly();
    },
    async recent(limit) {
      await flush();
      return calls
        .run(() =>
          db.select().from(grantAudit).orderBy(desc(grantAudit.at), desc(grantAudit.id)).limit(limit),
        )
        .then((rows) =>
          rows.map(({ id: _id, actorIssuer, actorSubject, ...entry }) => ({
            ...entry,
            actor:
              actorIssuer === null || actorSubject === null
                ? null
                : { issuer: actorIssuer, subject: actorSubject },
          })),
        );
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
