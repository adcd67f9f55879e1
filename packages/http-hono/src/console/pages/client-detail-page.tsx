import type { Client } from "@jwtgrant/core";
import { clientPath } from "../console-paths.js";
import { CsrfField, Layout } from "../layout.js";

export interface ClientDetailProps {
  readonly csrfToken: string;
  readonly client: Client;
  /** Only right after the client was added or its secret rotated. */
  readonly clientSecret?: string | null;
}

export function ClientDetailPage({ csrfToken, client, clientSecret }: ClientDetailProps) {
  const base = clientPath(client.clientId);
  return (
    <Layout title={client.clientName ?? client.clientId} csrfToken={csrfToken}>
      {clientSecret === undefined || clientSecret === null ? null : (
        <div class="notice" role="status">
          <p>Copy the secret now: it is shown this once and cannot be recovered.</p>
          <dl>
            <dt>Client id</dt>
            <dd>
              <code id="client-id">{client.clientId}</code>
            </dd>
            <dt>Client secret</dt>
            <dd>
              <code id="client-secret">{clientSecret}</code>
            </dd>
          </dl>
        </div>
      )}
      <dl>
        <dt>Client id</dt>
        <dd>
          <code>{client.clientId}</code>
        </dd>
        <dt>Grant types</dt>
        <dd>{client.grantTypes.join(", ")}</dd>
        <dt>Authentication</dt>
        <dd>{client.authMethod}</dd>
        <dt>Scope</dt>
        <dd>{client.scope.join(" ") || "none"}</dd>
        <dt>Redirect URIs</dt>
        <dd>{client.redirectUris.join(", ") || "none"}</dd>
        <dt>Created</dt>
        <dd>{client.createdAt.toISOString()}</dd>
      </dl>
      <h2>Actions</h2>
      {client.secretHash === null ? null : (
        <form class="inline" method="post" action={`${base}/secret`}>
          <CsrfField token={csrfToken} />
          <button type="submit">Rotate secret</button>
        </form>
      )}{" "}
      <a href={`${base}/delete`}>Delete…</a>
    </Layout>
  );
}
