import { CLIENT_AUTH_METHODS, GRANT_TYPES } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import { TextField } from "./text-field.js";

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
        <TextField
          name="jwks_uri"
          label="JWKS URI (private_key_jwt only)"
          type="url"
          value={values.jwks_uri}
          error={error}
        />
        <TextField name="scope" label="Scope (space-separated)" value={values.scope} error={error} />
        <TextField
          name="redirect_uri"
          label="Redirect URI (optional)"
          type="url"
          value={values.redirect_uri}
          error={error}
          errorField="redirect_uris"
        />
        <button type="submit">Add client</button>
      </form>
    </Layout>
  );
}
