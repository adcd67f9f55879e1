import type { SigningKeyView } from "@jwtgrant/core";
import { CONSOLE_BASE } from "../console-env.js";
import { CsrfField, Layout } from "../layout.js";

export function KeysPage({ csrfToken, keys }: { csrfToken: string; keys: readonly SigningKeyView[] }) {
  return (
    <Layout title="Signing keys" csrfToken={csrfToken}>
      <table>
        <thead>
          <tr>
            <th scope="col">kid</th>
            <th scope="col">Algorithm</th>
            <th scope="col">Status</th>
            <th scope="col">Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr>
              <td>
                <code>{key.kid}</code>
              </td>
              <td>{key.alg}</td>
              <td>{key.status}</td>
              <td>{key.createdAt.toISOString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action={`${CONSOLE_BASE}/keys/rotate`}>
        <CsrfField token={csrfToken} />
        <button type="submit">Rotate the signing key</button>
      </form>
    </Layout>
  );
}
