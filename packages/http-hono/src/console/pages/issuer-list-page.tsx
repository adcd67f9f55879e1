import type { TrustedIssuer } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { issuerPath } from "../console-paths.js";
import { Layout } from "../layout.js";

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
                  <a href={issuerPath(issuer.id)}>{issuer.issuer}</a>
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
