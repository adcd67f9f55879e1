import type { Child } from "hono/jsx";
import { CONSOLE_BASE } from "./console-env.js";
import { CSRF_FIELD } from "./require-session.js";

export interface LayoutProps {
  readonly title: string;
  /** The session's CSRF token; absent on the sign-in page, which shows no navigation. */
  readonly csrfToken?: string;
  readonly children?: Child;
}

const SECTIONS = [
  ["", "Overview"],
  ["/issuers", "Trusted issuers"],
  ["/clients", "Clients"],
  ["/keys", "Signing keys"],
  ["/audit", "Audit"],
] as const;

export function Layout({ title, csrfToken, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · jwtgrant console`}</title>
        <link rel="stylesheet" href={`${CONSOLE_BASE}/style.css`} />
        <link rel="icon" type="image/svg+xml" href={`${CONSOLE_BASE}/favicon.svg`} />
      </head>
      <body>
        <header>
          <strong>jwtgrant</strong>
          {csrfToken === undefined ? null : (
            <>
              <nav aria-label="Sections">
                <ul>
                  {SECTIONS.map(([path, label]) => (
                    <li>
                      <a href={`${CONSOLE_BASE}${path}`}>{label}</a>
                    </li>
                  ))}
                </ul>
              </nav>
              <form method="post" action={`${CONSOLE_BASE}/sign-out`}>
                <CsrfField token={csrfToken} />
                <button type="submit">Sign out</button>
              </form>
            </>
          )}
        </header>
        <main>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

export function CsrfField({ token }: { readonly token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** A field's error, tied to it by `aria-describedby`. */
export function FieldError({ id, message }: { readonly id: string; readonly message: string | undefined }) {
  return message === undefined ? null : (
    <p id={id} class="error" role="alert">
      {message}
    </p>
  );
}
