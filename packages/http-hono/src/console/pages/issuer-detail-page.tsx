import type { Client, KeySource, TrustedIssuer } from "@jwtgrant/core";
import { issuerPath } from "../console-paths.js";
import type { KeyFingerprint } from "../key-fingerprints.js";
import { CsrfField, Layout } from "../layout.js";
import type { TryItResult } from "../try-assertion.js";
import { TrustRuleList } from "./trust-rule-list.js";
import { TryItReport } from "./try-it-report.js";

export interface IssuerDetailProps {
  readonly csrfToken: string;
  readonly issuer: TrustedIssuer;
  readonly keys: readonly KeyFingerprint[] | null;
  readonly clients: readonly Client[];
  /** The server's maximum assertion lifetime, which applies unless the issuer sets its own. */
  readonly serverMaxAssertionLifetimeSeconds: number;
  /** Every `aud` value an assertion from this issuer may carry: this server's, then the issuer's own. */
  readonly acceptedAudiences: readonly string[];
  readonly tryIt?: TryItResult;
}

function KeySourceText({ source }: { source: KeySource }) {
  switch (source.kind) {
    case "jwks_uri":
      return <code>{source.jwksUri}</code>;
    case "discovery":
      return (
        <>OpenID Provider discovery: the issuer's /.well-known/openid-configuration names its JWKS URI</>
      );
    default:
      return <>{source.kind}</>;
  }
}

export function IssuerDetailPage(props: IssuerDetailProps) {
  const { csrfToken, issuer, keys, clients, tryIt } = props;
  const base = issuerPath(issuer.id);
  const request = tryIt?.request;
  return (
    <Layout title={issuer.name ?? issuer.issuer} csrfToken={csrfToken}>
      <dl>
        <dt>Issuer</dt>
        <dd>
          <code>{issuer.issuer}</code>
        </dd>
        <dt>Key source</dt>
        <dd>
          <KeySourceText source={issuer.keySource} />
        </dd>
        <dt>Algorithms</dt>
        <dd>{issuer.algorithms?.join(", ") ?? "what the keys imply"}</dd>
        <dt>Subjects</dt>
        <dd>{issuer.subjectRule.kind === "any" ? "any" : issuer.subjectRule.subjects.join(", ")}</dd>
        <dt>Scope</dt>
        <dd>{issuer.scope?.join(" ") ?? "no limit"}</dd>
        <dt>Audiences</dt>
        <dd>
          {issuer.audiences.length === 0
            ? "this server's issuer and token endpoint only"
            : `${issuer.audiences.join(", ")}, besides this server's issuer and token endpoint`}
        </dd>
        <dt>Assertion reuse</dt>
        <dd>
          {issuer.assertionReuse === "single_use"
            ? "single use: the jti is recorded and a second exchange refused"
            : "allowed until expiry: the jti is optional and not recorded"}
        </dd>
        <dt>Max assertion lifetime</dt>
        <dd>
          {issuer.maxAssertionLifetimeSeconds === null
            ? `the server's, ${props.serverMaxAssertionLifetimeSeconds} s`
            : `${issuer.maxAssertionLifetimeSeconds} s`}
        </dd>
        <dt>Trust expires</dt>
        <dd>{issuer.expiresAt?.toISOString() ?? "never"}</dd>
        <dt>Enabled</dt>
        <dd>{issuer.enabled ? "yes" : "no"}</dd>
      </dl>
      <h2>Keys</h2>
      {keys === null ? (
        <p>Fetched from the issuer when an assertion needs them.</p>
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
      <h2>Rules</h2>
      {issuer.rules === null ? (
        <p>No rules: every assertion that passes this issuer's other checks is accepted.</p>
      ) : (
        <>
          <p class="hint">Tried in order; the first rule whose conditions all hold decides.</p>
          <TrustRuleList rules={issuer.rules} />
        </>
      )}
      <p>
        <a href={`${base}/rules`}>{issuer.rules === null ? "Add rules…" : "Edit rules…"}</a>
      </p>
      <h2>Actions</h2>
      <a href={`${base}/edit`}>Edit…</a>{" "}
      <form class="inline" method="post" action={`${base}/enabled`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="enabled" value={issuer.enabled ? "false" : "true"} />
        <button type="submit">{issuer.enabled ? "Disable" : "Enable"}</button>
      </form>{" "}
      <a href={`${base}/delete`}>Delete…</a>
      <h2>Try an assertion</h2>
      <p class="hint">
        Runs every check of the token endpoint and writes nothing: the assertion's jti is looked up, never
        recorded, so the assertion can still be exchanged.
      </p>
      <p>An assertion's aud must name one of:</p>
      <ul id="accepted-audiences" class="compact">
        {props.acceptedAudiences.map((audience) => (
          <li>
            <code>{audience}</code>
          </li>
        ))}
      </ul>
      <form class="stacked" method="post" action={`${base}/try`}>
        <CsrfField token={csrfToken} />
        <div>
          <label for="assertion">Assertion (a signed JWT)</label>
          <textarea id="assertion" name="assertion" required spellcheck={false}>
            {request?.assertion ?? ""}
          </textarea>
        </div>
        <div>
          <label for="client_id">As client</label>
          <p id="client_id-hint" class="hint">
            Optional: without a client, its checks (grant types, scope, trusted issuers) are skipped.
          </p>
          <select id="client_id" name="client_id" aria-describedby="client_id-hint">
            <option value="">No client: skip its checks</option>
            {clients.map((client) => (
              <option value={client.clientId} selected={request?.clientId === client.clientId}>
                {client.clientName === null ? client.clientId : `${client.clientName} (${client.clientId})`}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="scope">Requested scope</label>
          <p id="scope-hint" class="hint">
            Optional, space-separated: as the client would send it
          </p>
          <input
            type="text"
            id="scope"
            name="scope"
            value={request?.scope ?? ""}
            aria-describedby="scope-hint"
          />
        </div>
        <button type="submit">Check</button>
      </form>
      {tryIt === undefined ? null : <TryItReport result={tryIt} pageIssuer={issuer.issuer} />}
    </Layout>
  );
}
