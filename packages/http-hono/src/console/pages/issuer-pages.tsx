import type { Client, TrustedIssuer } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import type { FormError } from "../form-error.js";
import type { KeyFingerprint } from "../key-fingerprints.js";
import { CsrfField, FieldError, Layout } from "../layout.js";
import type { TryItResult } from "../try-assertion.js";

export function IssuerListPage({
  csrfToken,
  issuers,
}: {
  csrfToken: string;
  issuers: readonly TrustedIssuer[];
}) {
  return (
    <Layout title="Trusted issuers" csrfToken={csrfToken}>
      <p>
        <a href={`${CONSOLE_BASE}/issuers/new`}>Add a trusted issuer</a>
      </p>
      {issuers.length === 0 ? (
        <p>No trusted issuers yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Issuer</th>
              <th scope="col">Name</th>
              <th scope="col">Keys</th>
              <th scope="col">Enabled</th>
            </tr>
          </thead>
          <tbody>
            {issuers.map((issuer) => (
              <tr>
                <td>
                  <a href={`${CONSOLE_BASE}/issuers/${encodeURIComponent(issuer.id)}`}>{issuer.issuer}</a>
                </td>
                <td>{issuer.name ?? ""}</td>
                <td>{issuer.keySource.kind}</td>
                <td>{issuer.enabled ? "yes" : "no"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

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
          const failed = error?.field === field;
          const described = { "aria-describedby": failed ? `${field}-error` : `${field}-hint` };
          const common = {
            id: field,
            name: field,
            ...described,
            ...(failed ? { "aria-invalid": "true" } : {}),
          };
          return (
            <div>
              <label for={field}>{label}</label>
              <p id={`${field}-hint`} class="hint">
                {hint}
              </p>
              {field === "certificate" || field === "subjects" ? (
                <textarea {...common}>{values[field]}</textarea>
              ) : (
                <input
                  type={field === "expires_at" ? "datetime-local" : "text"}
                  value={values[field]}
                  required={field === "issuer"}
                  {...common}
                />
              )}
              <FieldError id={`${field}-error`} message={failed ? error?.message : undefined} />
            </div>
          );
        })}
        <button type="submit">Add issuer</button>
      </form>
    </Layout>
  );
}

export interface IssuerDetailProps {
  readonly csrfToken: string;
  readonly issuer: TrustedIssuer;
  readonly keys: readonly KeyFingerprint[] | null;
  readonly clients: readonly Client[];
  readonly tryIt?: TryItResult;
}

export function IssuerDetailPage({ csrfToken, issuer, keys, clients, tryIt }: IssuerDetailProps) {
  const base = `${CONSOLE_BASE}/issuers/${encodeURIComponent(issuer.id)}`;
  const source = issuer.keySource;
  return (
    <Layout title={issuer.name ?? issuer.issuer} csrfToken={csrfToken}>
      <dl>
        <dt>Issuer</dt>
        <dd>
          <code>{issuer.issuer}</code>
        </dd>
        <dt>Key source</dt>
        <dd>{source.kind === "jwks_uri" ? <code>{source.jwksUri}</code> : source.kind}</dd>
        <dt>Algorithms</dt>
        <dd>{issuer.algorithms?.join(", ") ?? "what the keys imply"}</dd>
        <dt>Subjects</dt>
        <dd>{issuer.subjectRule.kind === "any" ? "any" : issuer.subjectRule.subjects.join(", ")}</dd>
        <dt>Scope</dt>
        <dd>{issuer.scope?.join(" ") ?? "no limit"}</dd>
        <dt>Trust expires</dt>
        <dd>{issuer.expiresAt?.toISOString() ?? "never"}</dd>
        <dt>Enabled</dt>
        <dd>{issuer.enabled ? "yes" : "no"}</dd>
      </dl>
      <h2>Keys</h2>
      {keys === null ? (
        <p>Fetched from the JWKS URI when an assertion needs them.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">kid</th>
              <th scope="col">Type</th>
              <th scope="col">SHA-256 thumbprint (RFC 7638)</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr>
                <td>{key.kid ?? "none"}</td>
                <td>{key.kty}</td>
                <td>
                  <code>{key.thumbprint}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Actions</h2>
      <form class="inline" method="post" action={`${base}/enabled`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="enabled" value={issuer.enabled ? "false" : "true"} />
        <button type="submit">{issuer.enabled ? "Disable" : "Enable"}</button>
      </form>{" "}
      <a href={`${base}/delete`}>Delete…</a>
      <h2>Try an assertion</h2>
      <p class="hint">Runs the token endpoint's checks without consuming the assertion's jti.</p>
      {clients.length === 0 ? (
        <p>
          <a href={`${CONSOLE_BASE}/clients/new`}>Add a client</a> first: the check runs as one.
        </p>
      ) : (
        <form class="stacked" method="post" action={`${base}/try`}>
          <CsrfField token={csrfToken} />
          <div>
            <label for="assertion">Assertion (a signed JWT)</label>
            <textarea id="assertion" name="assertion" required />
          </div>
          <div>
            <label for="client_id">As client</label>
            <select id="client_id" name="client_id" required>
              {clients.map((client) => (
                <option value={client.clientId} selected={tryIt?.clientId === client.clientId}>
                  {client.clientName === null ? client.clientId : `${client.clientName} (${client.clientId})`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Check</button>
        </form>
      )}
      {tryIt === undefined ? null : <TryItReport result={tryIt} />}
    </Layout>
  );
}

function TryItReport({ result }: { result: TryItResult }) {
  return (
    <section aria-labelledby="verdict">
      <h3 id="verdict" class={result.accepted ? "ok" : "error"}>
        {result.accepted ? "Accepted" : `Rejected by rule ${result.rule}`}
      </h3>
      <p role="status">{result.message}</p>
      <h4>Header</h4>
      <pre>{result.header}</pre>
      <h4>Claims</h4>
      <pre>{result.claims}</pre>
    </section>
  );
}
