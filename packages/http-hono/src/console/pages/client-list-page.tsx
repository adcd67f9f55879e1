import type { Client } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { clientPath } from "../console-paths.js";
import { Layout } from "../layout.js";

export function ClientListPage({ csrfToken, clients }: { csrfToken: string; clients: readonly Client[] }) {
  return (
    <Layout title="Clients" csrfToken={csrfToken}>
      <p>
        <a href={`${CONSOLE_BASE}/clients/new`}>Add a client</a>
      </p>
      {clients.length === 0 ? (
        <p>No clients yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Client id</th>
              <th scope="col">Name</th>
              <th scope="col">Grant types</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr>
                <td>
                  <a href={clientPath(client.clientId)}>
                    <code class="id">{client.clientId}</code>
                  </a>
                </td>
                <td>{client.clientName ?? ""}</td>
                <td>{client.grantTypes.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
