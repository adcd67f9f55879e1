import { CONSOLE_BASE } from "../console-env.js";
import { FieldError, Layout } from "../layout.js";

export function SignInPage({ error }: { readonly error?: string }) {
  return (
    <Layout title="Sign in">
      <form class="stacked" method="post" action={`${CONSOLE_BASE}/sign-in`}>
        <div>
          <label for="token">Admin token</label>
          <p id="token-hint" class="hint">
            The server's <code>JWTGRANT_ADMIN_TOKEN</code>; when that is not set, the token the server
            generated into <code>admin-token</code> in its data directory: <code>.jwtgrant/admin-token</code>{" "}
            unless <code>JWTGRANT_DATA_DIR</code> says otherwise.
          </p>
          <input
            type="password"
            id="token"
            name="token"
            required
            autocomplete="current-password"
            autofocus
            aria-describedby={error === undefined ? "token-hint" : "token-error token-hint"}
            {...(error === undefined ? {} : { "aria-invalid": "true" })}
          />
          <FieldError id="token-error" message={error} />
        </div>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
