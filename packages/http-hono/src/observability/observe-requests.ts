import type { MiddlewareHandler } from "hono";
import type { Metrics } from "./metrics.js";
import type { RequestLogger } from "./request-log.js";
import type { ObservedVariables, RequestOutcome } from "./request-outcome.js";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (a well-formed `X-Request-Id` is kept, anything else replaced), echoes it, and
 * after the response writes one log record and the metrics.
 */
export function observeRequests(
  logger: RequestLogger | undefined,
  metrics: Metrics,
): MiddlewareHandler<{
  Variables: ObservedVariables;
}> {
  return async (c, next) => {
    const started = performance.now();
    const offered = c.req.header("x-request-id");
    const requestId = offered !== undefined && REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    c.set("requestId", requestId);
    const outcome: RequestOutcome = { endpoint: "other" };
    c.set("outcome", outcome);
    await next();
    // Responses of the hot paths carry it already (see `jsonResponse`); the rest get it here.
    if (outcome.requestIdCarried !== true) c.header("x-request-id", requestId);
    const seconds = (performance.now() - started) / 1000;
    const { endpoint, clientId, grantType, error } = outcome;
    const status = c.res.status;
    metrics.observe({
      endpoint,
      grantType: grantType ?? "",
      outcome: error?.body.error ?? (status < 400 ? "ok" : String(status)),
      reason: error?.reason ?? "",
      seconds,
      replay: error?.reason === "assertion_replayed",
    });
    const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
    if (logger === undefined || !logger.enabled(level)) return;
    logger.write({
      time: new Date().toISOString(),
      level,
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round(seconds * 10_000) / 10,
      endpoint,
      ...(clientId === undefined ? {} : { client_id: clientId }),
      ...(grantType === undefined ? {} : { grant_type: grantType }),
      ...(error === undefined ? {} : { error: error.body.error, reason: error.reason }),
      ...(error?.detail === undefined ? {} : { detail: error.detail }),
    });
  };
}
