import {
  ADMIN_KEY_PREFIX,
  type AdminActor,
  createSecretMatcher,
  type Engine,
  tokenFingerprint,
} from "@jwtgrant/core";
import type { MiddlewareHandler } from "hono";
import { type DescribedError, errorResponse } from "../errors/error-response.js";
import type { AdminEnv } from "./admin-env.js";
import { readBearerToken } from "./bearer-token.js";

/** RFC 6750 §3.1 names this failure `invalid_token`; no OAuth error of core fits an admin credential. */
const ADMIN_TOKEN_REQUIRED: DescribedError = {
  status: 401,
  body: { error: "invalid_token", error_description: "a valid admin bearer token is required" },
  reason: "admin_token",
  detail: undefined,
};

/**
 * Lets a request through only with `Authorization: Bearer <credential>`: the bootstrap admin token (compared
 * as digests, in constant time) or an admin key, looked up in the storage on every request so that a
 * revocation on any instance holds at once. Sets `adminActor` to who it is.
 */
export function requireAdminCredential(engine: Engine, adminToken: string): MiddlewareHandler<AdminEnv> {
  if (typeof adminToken !== "string" || adminToken.length === 0) {
    throw new TypeError("adminToken must be a non-empty string");
  }
  const isAdminToken = createSecretMatcher(adminToken);
  const bootstrap: Promise<AdminActor> = tokenFingerprint(adminToken).then((fingerprint) => ({
    kind: "bootstrap_token",
    fingerprint,
  }));
  return async (c, next) => {
    const presented = readBearerToken(c.req.header("authorization"));
    const actor =
      presented === undefined
        ? null
        : (await isAdminToken(presented))
          ? await bootstrap
          : presented.startsWith(ADMIN_KEY_PREFIX)
            ? await engine.adminKeys.authenticate(presented)
            : null;
    if (actor === null) return errorResponse(c, ADMIN_TOKEN_REQUIRED, { challenge: "Bearer" });
    c.set("adminActor", actor);
    await next();
  };
}
