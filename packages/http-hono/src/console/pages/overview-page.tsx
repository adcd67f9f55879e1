import type { Client, GrantAuditEntry } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { clientPath } from "../console-paths.js";
import { Layout } from "../layout.js";

export interface OverviewProps {
  readonly csrfToken: string;
  readonly counts: { readonly issuers: number; readonly clients: number; readonly keys: number };
  /** `undefined` when the server has no audit trail to show. */
  readonly decisions: readonly GrantAuditEntry[] | undefined;
  /** The registered clients, to name the client of each decision. */
  readonly clients: readonly Client[];
}

export function OverviewPage({ csrfToken, counts, decisions, clients }: OverviewProps) {
  const names = new Map(clients.map((client) => [client.clientId, client.clientName]));
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
              <th scope="col">Actor</th>
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
                  <ClientCell clientId={entry.clientId} name={names.get(entry.clientId)} />
                </td>
                <td>{entry.issuer ?? "—"}</td>
                <td>{entry.subject ?? "—"}</td>
                <td>{entry.actor === null ? "—" : `${entry.actor.subject} (${entry.actor.issuer})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/**
 * A decision's client by name, linked, with its id kept on one line; a client since deleted (or one never
 * registered) shows its id alone.
 */
function ClientCell({ clientId, name }: { clientId: string; name: string | null | undefined }) {
  if (name === undefined) return <code class="id">{clientId}</code>;
  return (
    <a href={clientPath(clientId)}>
      {name === null ? null : <>{name} </>}
      <code class="id">{clientId}</code>
    </a>
  );
}
