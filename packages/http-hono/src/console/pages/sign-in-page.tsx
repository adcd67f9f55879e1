import { CONSOLE_BASE } from "../console-env.js";
import { FieldError, Layout } from "../layout.js";

export function SignInPage({ error }: { readonly error?: string }) {
  return (
    <Layout title="Sign in">
      <form class="stacked" method="post" action={`${CONSOLE_BASE}/sign-in`}>
        <div>
          <label for="token">Admin token</label>
          <input
            type="password"
            id="token"
            name="token"
            required
            autocomplete="current-password"
            autofocus
            {...(error === undefined ? {} : { "aria-invalid": "true", "aria-describedby": "token-error" })}
          />
          <FieldError id="token-error" message={error} />
        </div>
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
