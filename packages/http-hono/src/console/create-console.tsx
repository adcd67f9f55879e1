import { createSecretMatcher, type Engine, type GrantAuditEntry } from "@jwtgrant/core";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { clientRoutes } from "./client-routes.js";
import { CONSOLE_BASE, type ConsoleEnv, SESSION_COOKIE } from "./console-env.js";
import { FAVICON } from "./favicon.js";
import { createFlashSealer } from "./flash-sealer.js";
import { readForm } from "./form-values.js";
import { issuerRoutes } from "./issuer-routes.js";
import { AuditPage } from "./pages/audit-page.js";
import { KeysPage } from "./pages/keys-page.js";
import { OverviewPage } from "./pages/overview-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { requireSameOrigin } from "./require-same-origin.js";
import { requireSession } from "./require-session.js";
import { FLASH_LIFETIME_SECONDS, secretFlashCookie } from "./secret-flash-cookie.js";
import { securityHeaders } from "./security-headers.js";
import { createSessionSigner } from "./session-signer.js";
import { STYLESHEET } from "./style.js";

export interface ConsoleOptions {
  readonly adminToken: string;
  /** The latest grant decisions, for the overview; without it the overview shows none. */
  readonly recentDecisions?: ((limit: number) => Promise<GrantAuditEntry[]>) | undefined;
}

const SESSION_DURATION_SECONDS = 8 * 3600;
const RECENT_DECISIONS = 20;
const AUDIT_PAGE_SIZE = 50;

/** The management console, to be mounted at `/console`: server-rendered pages over the engine's admin use cases. */
export function createConsole(engine: Engine, options: ConsoleOptions): Hono<ConsoleEnv> {
  const signer = createSessionSigner(options.adminToken, SESSION_DURATION_SECONDS, engine.clock);
  const publicUrl = new URL(engine.settings.issuer);
  // Secure from the public issuer URL, not the request: behind a proxy that terminates TLS the request is http.
  const cookieOptions = { path: CONSOLE_BASE, secure: publicUrl.protocol === "https:" } as const;
  const flash = secretFlashCookie(
    createFlashSealer(options.adminToken, FLASH_LIFETIME_SECONDS, engine.clock),
    cookieOptions.secure,
  );
  const isAdminToken = createSecretMatcher(options.adminToken);
  const app = new Hono<ConsoleEnv>();
  app.use("*", securityHeaders, requireSameOrigin(publicUrl.origin));

  app.get("/style.css", (c) => c.body(STYLESHEET, 200, { "content-type": "text/css; charset=utf-8" }));
  app.get("/favicon.svg", (c) => c.body(FAVICON, 200, { "content-type": "image/svg+xml" }));
  app.get("/sign-in", (c) => c.html(<SignInPage />));
  app.post("/sign-in", async (c) => {
    const presented = (await readForm(c)).text("token");
    if (!(await isAdminToken(presented))) {
      return c.html(<SignInPage error="That is not the admin token." />, 401);
    }
    setCookie(c, SESSION_COOKIE, await signer.issue(), {
      ...cookieOptions,
      httpOnly: true,
      sameSite: "Strict",
      maxAge: SESSION_DURATION_SECONDS,
    });
    return c.redirect(CONSOLE_BASE, 303);
  });

  app.use("*", requireSession(signer, engine));
  app.post("/sign-out", async (c) => {
    const session = c.get("session");
    await engine.consoleSessions.end(session.id, session.expiresAt);
    deleteCookie(c, SESSION_COOKIE, cookieOptions);
    return c.redirect(`${CONSOLE_BASE}/sign-in`, 303);
  });
  app.get("/", async (c) => {
    const [issuers, clients, keys, decisions] = await Promise.all([
      engine.issuers.list(),
      engine.clients.list(),
      engine.signingKeys.list(),
      options.recentDecisions?.(RECENT_DECISIONS),
    ]);
    const counts = { issuers: issuers.length, clients: clients.length, keys: keys.length };
    return c.html(
      <OverviewPage
        csrfToken={c.get("session").csrfToken}
        counts={counts}
        decisions={decisions}
        clients={clients}
      />,
    );
  });
  app.get("/keys", async (c) =>
    c.html(<KeysPage csrfToken={c.get("session").csrfToken} keys={await engine.signingKeys.list()} />),
  );
  app.post("/keys/rotate", async (c) => {
    await engine.signingKeys.rotate(c.get("actor"));
    return c.redirect(`${CONSOLE_BASE}/keys`, 303);
  });
  app.get("/audit", async (c) => {
    const records = await engine.adminAudit.list({ limit: AUDIT_PAGE_SIZE, before: c.req.query("before") });
    const last = records.at(-1);
    return c.html(
      <AuditPage
        csrfToken={c.get("session").csrfToken}
        records={records}
        olderBefore={records.length === AUDIT_PAGE_SIZE ? last?.id : undefined}
      />,
    );
  });
  app.route("/issuers", issuerRoutes(engine));
  app.route("/clients", clientRoutes(engine, flash));
  return app;
}
