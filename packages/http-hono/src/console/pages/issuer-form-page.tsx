import { CONSOLE_BASE } from "../console-env.js";
import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import { TextField } from "./text-field.js";

/** The add form's fields, as typed, so a refused form comes back filled in. */
export type IssuerFormValues = Readonly<Record<(typeof ISSUER_FIELDS)[number], string>>;

export const ISSUER_FIELDS = [
  "issuer",
  "name",
  "certificate",
  "jwks_uri",
  "subjects",
  "scope",
  "expires_at",
] as const;

const LABELS: Record<(typeof ISSUER_FIELDS)[number], [string, string]> = {
  issuer: ["Issuer (the iss of its assertions)", "For example https://idp.example.com"],
  name: ["Display name", "Optional"],
  certificate: ["Public certificate (PEM)", "Paste -----BEGIN CERTIFICATE-----…; or give a JWKS URI instead"],
  jwks_uri: ["JWKS URI", "https, or http on a loopback host; leave empty when pasting a certificate"],
  subjects: ["Allowed subjects", "One per line; empty allows any subject"],
  scope: ["Scope", "Space-separated; the most this issuer may grant; empty for no limit"],
  expires_at: ["Trust expires (UTC)", "Optional"],
};

export function IssuerFormPage(props: { csrfToken: string; values: IssuerFormValues; error?: FormError }) {
  const { csrfToken, values, error } = props;
  const topError = error !== undefined && !ISSUER_FIELDS.some((field) => field === error.field);
  return (
    <Layout title="Add a trusted issuer" csrfToken={csrfToken}>
      <form class="stacked" method="post" action={`${CONSOLE_BASE}/issuers`}>
        <CsrfField token={csrfToken} />
        <FieldError id="form-error" message={topError ? error.message : undefined} />
        {ISSUER_FIELDS.map((field) => {
          const [label, hint] = LABELS[field];
          return (
            <TextField
              name={field}
              label={label}
              hint={hint}
              value={values[field]}
              multiline={field === "certificate" || field === "subjects"}
              type={field === "expires_at" ? "datetime-local" : "text"}
              required={field === "issuer"}
              error={error}
            />
          );
        })}
        <button type="submit">Add issuer</button>
      </form>
    </Layout>
  );
}
