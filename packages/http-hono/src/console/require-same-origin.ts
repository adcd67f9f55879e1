import type { MiddlewareHandler } from "hono";

function originOf(value: string | undefined): string | undefined {
  if (value === undefined || value === "null") return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a state-changing request that a browser did not send from this origin. Every signal present must
 * agree: `Sec-Fetch-Site` (which no page script can set), then `Origin`, then `Referer` (the console's
 * `Referrer-Policy: same-origin` keeps both on its own forms); a request with no signal is refused.
 * "This origin" is the one the request reached, or the server's public issuer origin: behind a proxy that
 * terminates TLS the two differ.
 */
export function requireSameOrigin(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const origins = [new URL(c.req.url).origin, publicOrigin];
      if (!sentFromHere(c.req.raw, origins)) return c.text("cross-origin request refused", 403);
    }
    await next();
  };
}

function sentFromHere(request: Request, origins: readonly string[]): boolean {
  const fetchSite = request.headers.get("sec-fetch-site") ?? undefined;
  const origin = originOf(request.headers.get("origin") ?? undefined);
  if (fetchSite !== undefined && fetchSite !== "same-origin") return false;
  if (origin !== undefined) return origins.includes(origin);
  if (fetchSite !== undefined) return true;
  const referer = originOf(request.headers.get("referer") ?? undefined);
  return referer !== undefined && origins.includes(referer);
}
