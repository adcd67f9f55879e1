import type { FormError } from "../form-error.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import { TextField } from "./text-field.js";

export const ISSUER_FIELDS = [
  "issuer",
  "name",
  "certificate",
  "jwks_uri",
  "jwks",
  "discovery",
  "algorithms",
  "subjects",
  "scope",
  "audiences",
  "assertion_reuse",
  "max_assertion_lifetime",
  "expires_at",
  "enabled",
] as const;

/** The issuer form's fields, as typed, so a refused form comes back filled in; a ticked box is `"yes"`. */
export type IssuerFormValues = Readonly<Record<(typeof ISSUER_FIELDS)[number], string>>;

export interface IssuerFormProps {
  readonly csrfToken: string;
  readonly values: IssuerFormValues;
  readonly error?: FormError | undefined;
  readonly action: string;
  readonly title: string;
  readonly submit: string;
  /** The edit form also sets whether the issuer is enabled; a new one is. */
  readonly editing: boolean;
}

type TextFieldName = Exclude<(typeof ISSUER_FIELDS)[number], "discovery" | "assertion_reuse" | "enabled">;

const TEXT_FIELDS: readonly [TextFieldName, string, string, "text" | "multiline" | "datetime-local"][] = [
  ["issuer", "Issuer (the iss of its assertions)", "For example https://idp.example.com", "text"],
  ["name", "Display name", "Optional", "text"],
  [
    "certificate",
    "Public certificate (PEM)",
    "Paste -----BEGIN CERTIFICATE-----…, or several one after another (up to 10) for a rollover",
    "multiline",
  ],
  ["jwks_uri", "JWKS URI", "https, or http on a loopback host", "text"],
  ["jwks", "JWK Set (JSON)", 'Public keys, {"keys": [ … ]}', "multiline"],
];

const POLICY_FIELDS: readonly [TextFieldName, string, string, "text" | "multiline" | "datetime-local"][] = [
  [
    "algorithms",
    "Algorithms",
    "Space-separated, such as ES256 RS256; empty for what each key implies",
    "text",
  ],
  ["subjects", "Allowed subjects", "One per line; empty allows any subject", "multiline"],
  ["scope", "Scope", "Space-separated; the most this issuer may grant; empty for no limit", "text"],
  [
    "audiences",
    "Extra audiences",
    "aud values accepted besides this server's issuer and token endpoint, one per line; empty for none",
    "multiline",
  ],
  [
    "max_assertion_lifetime",
    "Max assertion lifetime (seconds)",
    "How long an assertion may live, from iat or nbf to exp; empty for the server's limit",
    "text",
  ],
  ["expires_at", "Trust expires (UTC)", "Optional", "datetime-local"],
];

/** Adding and editing a trusted issuer: one key source (leave the others empty), then what it may assert. */
export function IssuerFormPage(props: IssuerFormProps) {
  const { csrfToken, values, error } = props;
  const topError = error !== undefined && !ISSUER_FIELDS.some((field) => field === error.field);
  const field = ([name, label, hint, kind]: (typeof TEXT_FIELDS)[number]) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={values[name]}
      multiline={kind === "multiline"}
      type={kind === "datetime-local" ? "datetime-local" : "text"}
      required={name === "issuer"}
      error={error}
    />
  );
  const checkbox = (name: "discovery" | "enabled", label: string, hint: string) => (
    <div>
      <input
        type="checkbox"
        id={name}
        name={name}
        value="yes"
        checked={values[name] === "yes"}
        aria-describedby={error?.field === name ? `${name}-error` : `${name}-hint`}
        {...(error?.field === name ? { "aria-invalid": "true" } : {})}
      />{" "}
      <label for={name} class="inline">
        {label}
      </label>
      <p id={`${name}-hint`} class="hint">
        {hint}
      </p>
      <FieldError id={`${name}-error`} message={error?.field === name ? error.message : undefined} />
    </div>
  );
  return (
    <Layout title={props.title} csrfToken={csrfToken}>
      <form class="stacked" method="post" action={props.action}>
        <CsrfField token={csrfToken} />
        <FieldError id="form-error" message={topError ? error.message : undefined} />
        {TEXT_FIELDS.slice(0, 2).map(field)}
        <fieldset>
          <legend>Keys: exactly one source</legend>
          {TEXT_FIELDS.slice(2).map(field)}
          {checkbox(
            "discovery",
            "Discovery",
            "The keys named by the issuer's /.well-known/openid-configuration",
          )}
        </fieldset>
        {POLICY_FIELDS.map(field)}
        <div>
          <label for="assertion_reuse">Assertion reuse</label>
          <select
            id="assertion_reuse"
            name="assertion_reuse"
            {...(error?.field === "assertion_reuse"
              ? { "aria-invalid": "true", "aria-describedby": "assertion_reuse-error" }
              : {})}
          >
            <option value="single_use" selected={values.assertion_reuse !== "allowed"}>
              single use: the jti is recorded and a second exchange refused
            </option>
            <option value="allowed" selected={values.assertion_reuse === "allowed"}>
              allowed until expiry, for workload tokens: the jti is optional and not recorded
            </option>
          </select>
          <FieldError
            id="assertion_reuse-error"
            message={error?.field === "assertion_reuse" ? error.message : undefined}
          />
        </div>
        {props.editing
          ? checkbox("enabled", "Enabled", "A disabled issuer's assertions are all refused")
          : null}
        <button type="submit">{props.submit}</button>
      </form>
    </Layout>
  );
}
