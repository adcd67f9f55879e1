import type { Client, TrustedIssuer } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { issuerPath } from "../console-paths.js";
import type { KeyFingerprint } from "../key-fingerprints.js";
import { CsrfField, Layout } from "../layout.js";
import type { TryItResult } from "../try-assertion.js";

export interface IssuerDetailProps {
  readonly csrfToken: string;
  readonly issuer: TrustedIssuer;
  readonly keys: readonly KeyFingerprint[] | null;
  readonly clients: readonly Client[];
  readonly tryIt?: TryItResult;
}

export function IssuerDetailPage({ csrfToken, issuer, keys, clients, tryIt }: IssuerDetailProps) {
  const base = issuerPath(issuer.id);
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
