import { invalidRequest } from "@jwtgrant/core";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { describeError, errorResponse } from "../errors/error-response.js";

/**
 * Hono's body validator reports an unparsable body (400) or a body that is not JSON (415) by throwing;
 * both are the caller's mistake, so they become `invalid_request` like any other bad input.
 */
function asEngineError(error: unknown): unknown {
  if (!(error instanceof HTTPException)) return error;
  if (error.status === 400) {
    return invalidRequest("the request body is not valid JSON", { reason: "malformed_json" });
  }
  if (error.status === 415) {
    return invalidRequest("the request body must be application/json", { reason: "content_type" });
  }
  return error;
}

/** The `onError` of the admin API: every thrown error through the one mapping to HTTP. */
export function adminErrorResponse(error: unknown, c: Context): Response {
  return errorResponse(c, describeError(asEngineError(error)));
}
