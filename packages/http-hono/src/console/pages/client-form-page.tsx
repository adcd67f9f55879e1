import { CLIENT_AUTH_METHODS, GRANT_TYPES, REFRESH_TOKEN_GRANT } from "@jwtgrant/core";
import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import { TextField } from "./text-field.js";

/** The client form's fields, as typed, so a refused form comes back filled in. */
export interface ClientFormValues {
  readonly client_name: string;
  readonly grant_types: readonly string[];
  readonly token_endpoint_auth_method: string;
  readonly scope: string;
  readonly trusted_issuers: string;
  readonly resources: string;
  readonly access_token_ttl: string;
  readonly refresh_token_ttl: string;
  readonly jwks_uri: string;
  readonly jwks: string;
  readonly redirect_uris: string;
}

export interface ClientFormProps {
  readonly csrfToken: string;
  readonly values: ClientFormValues;
  readonly error?: FormError | undefined;
  /** Where the form posts. */
  readonly action: string;
  readonly title: string;
  readonly submit: string;
  /**
   * On the add form only: the id a client brings from another server. Its secret is never written back into
   * the form, even when the form is refused.
   */
  readonly imported?: { readonly clientId: string } | undefined;
}

const FIELDS = [
  "client_name",
  "grant_types",
  "token_endpoint_auth_method",
  "scope",
  "trusted_issuers",
  "resources",
  "access_token_ttl",
  "refresh_token_ttl",
  "jwks_uri",
  "jwks",
  "redirect_uris",
  "client_id",
  "client_secret",
];

/** Adding and editing a client: the same fields, in the admin API's terms. */
export function ClientFormPage({
  csrfToken,
  values,
  error,
  action,
  title,
  submit,
  imported,
}: ClientFormProps) {
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const topError = error !== undefined && !FIELDS.some((field) => field === error.field);
  const invalid = (field: string) =>
    error?.field === field ? { "aria-invalid": "true", "aria-describedby": `${field}-error` } : {};
  return (
    <Layout title={title} csrfToken={csrfToken}>
      <form class="stacked" method="post" action={action}>
        <CsrfField token={csrfToken} />
        <FieldError id="form-error" message={topError ? error.message : undefined} />
        <TextField name="client_name" label="Name" value={values.client_name} error={error} />
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
                {...(grant === REFRESH_TOKEN_GRANT ? { "aria-describedby": "refresh-hint" } : {})}
              />{" "}
              <label for={`grant-${index}`}>{grant}</label>
              {grant === REFRESH_TOKEN_GRANT ? (
                <p id="refresh-hint" class="hint">
                  Without it the client gets no refresh token, whatever an issuer's rules allow.
                </p>
              ) : null}
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
        <TextField name="scope" label="Scope (space-separated)" value={values.scope} error={error} />
        <TextField
          name="trusted_issuers"
          label="Trusted issuers"
          hint="The only issuers (their iss) whose assertions this client may present, one per line; empty for any trusted issuer"
          value={values.trusted_issuers}
          multiline
          error={error}
        />
        <TextField
          name="resources"
          label="Resources"
          hint="The resource indicators (RFC 8707) this client may request, one per line: absolute URIs without a fragment, compared exactly; empty for none"
          value={values.resources}
          multiline
          error={error}
        />
        <TextField
          name="access_token_ttl"
          label="Access token lifetime (seconds)"
          hint="Empty for the server's default"
          value={values.access_token_ttl}
          error={error}
        />
        <TextField
          name="refresh_token_ttl"
          label="Refresh token lifetime (seconds)"
          hint="Empty for the server's default"
          value={values.refresh_token_ttl}
          error={error}
        />
        <TextField
          name="jwks_uri"
          label="JWKS URI (private_key_jwt only)"
          type="url"
          value={values.jwks_uri}
          error={error}
        />
        <TextField
          name="jwks"
          label="JWK Set (private_key_jwt only)"
          hint='JSON, {"keys": [ … ]}; instead of a JWKS URI'
          value={values.jwks}
          multiline
          error={error}
        />
        <details open={error?.field === "redirect_uris"}>
          <summary>Advanced</summary>
          <TextField
            name="redirect_uris"
            label="Redirect URIs (optional)"
            hint="One per line. Stored as RFC 7591 registers them; the JWT bearer and refresh token grants never use them."
            value={values.redirect_uris}
            multiline
            error={error}
          />
        </details>
        {imported === undefined ? null : (
          <details open={error?.field === "client_id" || error?.field === "client_secret"}>
            <summary>Moving a client from another server</summary>
            <TextField
              name="client_id"
              label="Its client_id (optional)"
              hint="Keep the id the client already uses; empty: a new one is generated."
              value={imported.clientId}
              error={error}
            />
            <div>
              <label for="client_secret">Its client secret (optional)</label>
              <p id="client_secret-hint" class="hint">
                Stored hashed and never shown again; needs at least 128 bits of estimated entropy (e.g. 32 hex
                digits, or 22 base64url characters). Empty: a new secret is generated and shown once.
              </p>
              <input
                type="password"
                id="client_secret"
                name="client_secret"
                autocomplete="off"
                aria-describedby={
                  error?.field === "client_secret" ? "client_secret-error" : "client_secret-hint"
                }
                {...(error?.field === "client_secret" ? { "aria-invalid": "true" } : {})}
              />
              <FieldError id="client_secret-error" message={fieldError("client_secret")} />
            </div>
          </details>
        )}
        <button type="submit">{submit}</button>
      </form>
    </Layout>
  );
}
