import { OpenAPIHono } from "@hono/zod-openapi";
import type { Engine } from "@jwtgrant/core";
import { NO_STORE_HEADERS } from "../errors/error-response.js";
import { registerAdminAuditRoutes } from "./admin-audit-routes.js";
import type { AdminEnv } from "./admin-env.js";
import { adminErrorResponse } from "./admin-error-response.js";
import { registerAdminKeyRoutes } from "./admin-key-routes.js";
import { registerClientRoutes } from "./client-routes.js";
import { registerExplainRoutes } from "./explain-routes.js";
import { registerIssuerRoutes } from "./issuer-routes.js";
import { registerOpenApiDocument } from "./openapi-document.js";
import { rejectInvalidInput } from "./reject-invalid-input.js";
import { requireAdminCredential } from "./require-admin-credential.js";
import { registerSchemaRoutes } from "./schema-routes.js";
import { registerSigningKeyRoutes } from "./signing-key-routes.js";

export interface AdminApiOptions {
  /** The bootstrap admin token; an admin key made through the API is accepted as well. */
  readonly adminToken: string;
}

/**
 * The admin API (trusted issuers, clients, signing keys, admin keys, the audit log, explain) as a sub-app,
 * mounted with `app.route("/admin", createAdminApi(…))`. Every route, the OpenAPI document included, requires
 * the admin token or an admin key; every change is recorded under the one presented.
 */
export function createAdminApi(engine: Engine, options: AdminApiOptions): OpenAPIHono<AdminEnv> {
  const app = new OpenAPIHono<AdminEnv>({ defaultHook: rejectInvalidInput });
  app.onError(adminErrorResponse);
  app.use("*", requireAdminCredential(engine, options.adminToken));
  // Responses carry client secrets and key material: no cache may keep them.
  app.use("*", async (c, next) => {
    for (const [name, value] of Object.entries(NO_STORE_HEADERS)) c.header(name, value);
    await next();
  });
  registerIssuerRoutes(app, engine);
  registerClientRoutes(app, engine);
  registerSigningKeyRoutes(app, engine);
  registerAdminKeyRoutes(app, engine);
  registerAdminAuditRoutes(app, engine);
  registerExplainRoutes(app, engine);
  registerSchemaRoutes(app);
  registerOpenApiDocument(app);
  return app;
}
