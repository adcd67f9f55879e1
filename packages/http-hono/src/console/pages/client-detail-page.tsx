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
          <p>
            Copy the secret now: it is shown this once and cannot be recovered; a reload no longer shows it.
          </p>
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
        <dt>Trusted issuers</dt>
        <dd>{client.trustedIssuers?.join(", ") ?? "any trusted issuer"}</dd>
        <dt>Resources</dt>
        <dd>
          {client.resources.length === 0
            ? "none"
            : client.resources.map((resource, index) => (
                <>
                  {index === 0 ? "" : ", "}
                  <code>{resource}</code>
                </>
              ))}
        </dd>
        <dt>Access token lifetime</dt>
        <dd>{client.accessTokenTtl === null ? "the server's default" : `${client.accessTokenTtl} s`}</dd>
        <dt>Refresh token lifetime</dt>
        <dd>{client.refreshTokenTtl === null ? "the server's default" : `${client.refreshTokenTtl} s`}</dd>
        {client.keySource === null ? null : (
          <>
            <dt>Keys</dt>
            <dd>
              {client.keySource.kind === "jwks_uri" ? (
                <code>{client.keySource.jwksUri}</code>
              ) : (
                `a JWK Set of ${client.keySource.jwks.keys.length} key(s)`
              )}
            </dd>
          </>
        )}
        <dt>Redirect URIs</dt>
        <dd>{client.redirectUris.join(", ") || "none"}</dd>
        <dt>Created</dt>
        <dd>{client.createdAt.toISOString()}</dd>
      </dl>
      <h2>Actions</h2>
      <a href={`${base}/edit`}>Edit…</a>{" "}
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
