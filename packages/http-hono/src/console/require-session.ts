import { constantTimeEqual, type Engine } from "@jwtgrant/core";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { consoleActor } from "./console-actor.js";
import { CONSOLE_BASE, type ConsoleEnv, SESSION_COOKIE } from "./console-env.js";
import { readForm } from "./form-values.js";
import type { SessionSigner } from "./session-signer.js";

export const CSRF_FIELD = "csrf_token";

/**
 * Lets a request through only with a valid session cookie of a session not signed out (asked of the
 * storage, so a sign-out on one instance holds on all); a POST must also carry the session's CSRF token.
 * Without a session, a page request is sent to the sign-in page.
 */
export function requireSession(signer: SessionSigner, engine: Engine): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const signed = await signer.verify(getCookie(c, SESSION_COOKIE));
    const session = signed !== null && !(await engine.consoleSessions.isEnded(signed.id)) ? signed : null;
    if (session === null) {
      return c.req.method === "GET"
        ? c.redirect(`${CONSOLE_BASE}/sign-in`, 303)
        : c.text("sign in first", 403);
    }
    if (
      c.req.method === "POST" &&
      !constantTimeEqual((await readForm(c)).text(CSRF_FIELD), session.csrfToken)
    ) {
      return c.text("missing or stale form token; reload the page", 403);
    }
    c.set("session", session);
    c.set("actor", await consoleActor(session));
    await next();
  };
}
