import type { AdminActor, AdminAuditRecord, JsonObjectValue } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { Layout } from "../layout.js";

/** Who made a change, as the operator reads it: never a credential. */
export function describeActor(actor: AdminActor): string {
  switch (actor.kind) {
    case "bootstrap_token":
      return actor.fingerprint === undefined ? "admin token" : `admin token ${actor.fingerprint}`;
    case "api_key":
      return `admin key ${actor.name}`;
    case "console":
      return `console session ${actor.session}`;
    case "server":
      return actor.task === "bootstrap_file"
        ? "the server (bootstrap file)"
        : "the server (key rotation schedule)";
  }
}

function Snapshot({ label, value }: { label: string; value: JsonObjectValue | null }) {
  return value === null ? null : (
    <>
      <h3>{label}</h3>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

export interface AuditPageProps {
  readonly csrfToken: string;
  readonly records: readonly AdminAuditRecord[];
  /** The `before` of the next, older page; absent on the last page. */
  readonly olderBefore?: string | undefined;
}

/** The admin audit log, newest first; each change's record before and after folds out. */
export function AuditPage({ csrfToken, records, olderBefore }: AuditPageProps) {
  return (
    <Layout title="Audit" csrfToken={csrfToken}>
      {records.length === 0 ? (
        <p>No admin change has been made yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Before and after</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr>
                <td>{record.at.toISOString()}</td>
                <td>{describeActor(record.actor)}</td>
                <td>
                  <code>{record.action}</code>
                </td>
                <td>
                  <code>{record.targetId}</code>
                </td>
                <td>
                  <details>
                    <summary>Show</summary>
                    <Snapshot label="Before" value={record.before} />
                    <Snapshot label="After" value={record.after} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {olderBefore === undefined ? null : (
        <p>
          <a href={`${CONSOLE_BASE}/audit?before=${encodeURIComponent(olderBefore)}`}>Older changes</a>
        </p>
      )}
    </Layout>
  );
}
