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
 */
export const requireSameOrigin: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && !sentFromHere(c.req.raw, c.req.url)) {
    return c.text("cross-origin request refused", 403);
  }
  await next();
};

function sentFromHere(request: Request, url: string): boolean {
  const here = new URL(url).origin;
  const fetchSite = request.headers.get("sec-fetch-site") ?? undefined;
  const origin = originOf(request.headers.get("origin") ?? undefined);
  if (fetchSite !== undefined && fetchSite !== "same-origin") return false;
  if (origin !== undefined) return origin === here;
  if (fetchSite !== undefined) return true;
  return originOf(request.headers.get("referer") ?? undefined) === here;
}
