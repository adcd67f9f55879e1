import { CLIENT_AUTH_METHODS, type Client, GRANT_TYPES } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";

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
                    <code>{client.clientId}</code>
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

export const clientPath = (clientId: string) => `${CONSOLE_BASE}/clients/${encodeURIComponent(clientId)}`;

export interface ClientFormValues {
  readonly client_name: string;
  readonly grant_types: readonly string[];
  readonly token_endpoint_auth_method: string;
  readonly scope: string;
  readonly redirect_uri: string;
  readonly jwks_uri: string;
}

export function ClientFormPage(props: { csrfToken: string; values: ClientFormValues; error?: FormError }) {
  const { csrfToken, values, error } = props;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const known = [
    "client_name",
    "grant_types",
    "token_endpoint_auth_method",
    "scope",
    "redirect_uris",
    "jwks_uri",
  ];
  const topError = error !== undefined && !known.some((field) => field === error.field);
  const invalid = (field: string) =>
    error?.field === field ? { "aria-invalid": "true", "aria-describedby": `${field}-error` } : {};
  return (
    <Layout title="Add a client" csrfToken={csrfToken}>
      <form class="stacked" method="post" action={`${CONSOLE_BASE}/clients`}>
        <CsrfField token={csrfToken} />
        <FieldError id="form-error" message={topError ? error.message : undefined} />
        <div>
          <label for="client_name">Name</label>
          <input
            type="text"
            id="client_name"
            name="client_name"
            value={values.client_name}
            {...invalid("client_name")}
          />
          <FieldError id="client_name-error" message={fieldError("client_name")} />
        </div>
        <fieldset {...invalid("grant_types")}>
          <legend>Grant types</legend>
          {GRANT_TYPES.map((grant, index) => (
            <div>
              <input
                type="checkbox"
                id={`grant-${index}`}
                name="grant_types"
                value={grant}
                checked={values.grant_types.includes(grant)}
              />{" "}
              <label for={`grant-${index}`}>{grant}</label>
            </div>
          ))}
          <FieldError id="grant_types-error" message={fieldError("grant_types")} />
        </fieldset>
        <div>
          <label for="token_endpoint_auth_method">Authentication method</label>
          <select
            id="token_endpoint_auth_method"
            name="token_endpoint_auth_method"
            {...invalid("token_endpoint_auth_method")}
          >
            {CLIENT_AUTH_METHODS.map((method) => (
              <option value={method} selected={values.token_endpoint_auth_method === method}>
                {method}
              </option>
            ))}
          </select>
          <FieldError
            id="token_endpoint_auth_method-error"
            message={fieldError("token_endpoint_auth_method")}
          />
        </div>
        <div>
          <label for="jwks_uri">JWKS URI (private_key_jwt only)</label>
          <input type="url" id="jwks_uri" name="jwks_uri" value={values.jwks_uri} {...invalid("jwks_uri")} />
          <FieldError id="jwks_uri-error" message={fieldError("jwks_uri")} />
        </div>
        <div>
          <label for="scope">Scope (space-separated)</label>
          <input type="text" id="scope" name="scope" value={values.scope} {...invalid("scope")} />
          <FieldError id="scope-error" message={fieldError("scope")} />
        </div>
        <div>
          <label for="redirect_uri">Redirect URI (optional)</label>
          <input
            type="url"
            id="redirect_uri"
            name="redirect_uri"
            value={values.redirect_uri}
            {...invalid("redirect_uris")}
          />
          <FieldError id="redirect_uris-error" message={fieldError("redirect_uris")} />
        </div>
        <button type="submit">Add client</button>
      </form>
    </Layout>
  );
}

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
