import type { GrantAuditEntry } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { Layout } from "../layout.js";

export interface OverviewProps {
  readonly csrfToken: string;
  readonly counts: { readonly issuers: number; readonly clients: number; readonly keys: number };
  /** `undefined` when the server has no audit trail to show. */
  readonly decisions: readonly GrantAuditEntry[] | undefined;
}

export function OverviewPage({ csrfToken, counts, decisions }: OverviewProps) {
  return (
    <Layout title="Overview" csrfToken={csrfToken}>
      <ul>
        <li>
          <a href={`${CONSOLE_BASE}/issuers`}>{`${counts.issuers} trusted issuer(s)`}</a>
        </li>
        <li>
          <a href={`${CONSOLE_BASE}/clients`}>{`${counts.clients} client(s)`}</a>
        </li>
        <li>
          <a href={`${CONSOLE_BASE}/keys`}>{`${counts.keys} signing key(s)`}</a>
        </li>
      </ul>
      <h2>Recent grant decisions</h2>
      {decisions === undefined ? (
        <p>This server keeps no audit trail.</p>
      ) : decisions.length === 0 ? (
        <p>No grant decisions yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Outcome</th>
              <th scope="col">Reason</th>
              <th scope="col">Client</th>
              <th scope="col">Issuer</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((entry) => (
              <tr>
                <td>{entry.at.toISOString()}</td>
                <td>{entry.outcome}</td>
                <td>
                  <code>{entry.reason ?? "—"}</code>
                </td>
                <td>
                  <code>{entry.clientId}</code>
                </td>
                <td>{entry.issuer ?? "—"}</td>
                <td>{entry.subject ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
