import { createSecretMatcher } from "@jwtgrant/core";
import type { MiddlewareHandler } from "hono";
import { type DescribedError, errorResponse } from "../errors/error-response.js";
import { readBearerToken } from "./bearer-token.js";

/** RFC 6750 §3.1 names this failure `invalid_token`; no OAuth error of core fits an admin credential. */
const ADMIN_TOKEN_REQUIRED: DescribedError = {
  status: 401,
  body: { error: "invalid_token", error_description: "a valid admin bearer token is required" },
  reason: "admin_token",
  detail: undefined,
};

/** Lets a request through only with `Authorization: Bearer <adminToken>`, compared in constant time. */
export function requireAdminToken(adminToken: string): MiddlewareHandler {
  if (typeof adminToken !== "string" || adminToken.length === 0) {
    throw new TypeError("adminToken must be a non-empty string");
  }
  const isAdminToken = createSecretMatcher(adminToken);
  return async (c, next) => {
    const presented = readBearerToken(c.req.header("authorization"));
    if (presented === undefined || !(await isAdminToken(presented))) {
      return errorResponse(c, ADMIN_TOKEN_REQUIRED, { challenge: "Bearer" });
    }
    await next();
  };
}
