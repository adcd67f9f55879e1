import { OpenAPIHono } from "@hono/zod-openapi";
import type { Engine } from "@jwtgrant/core";
import { NO_STORE_HEADERS } from "../errors/error-response.js";
import { adminErrorResponse } from "./admin-error-response.js";
import { registerClientRoutes } from "./client-routes.js";
import { registerExplainRoutes } from "./explain-routes.js";
import { registerIssuerRoutes } from "./issuer-routes.js";
import { registerOpenApiDocument } from "./openapi-document.js";
import { rejectInvalidInput } from "./reject-invalid-input.js";
import { requireAdminToken } from "./require-admin-token.js";
import { registerSchemaRoutes } from "./schema-routes.js";
import { registerSigningKeyRoutes } from "./signing-key-routes.js";

export interface AdminApiOptions {
  /** The bearer token every admin request must present. */
  readonly adminToken: string;
}

/**
 * The admin API (trusted issuers, clients, signing keys, explain) as a sub-app, mounted with
 * `app.route("/admin", createAdminApi(…))`. Every route, the OpenAPI document included, requires the admin
 * token.
 */
export function createAdminApi(engine: Engine, options: AdminApiOptions): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: rejectInvalidInput });
  app.onError(adminErrorResponse);
  app.use("*", requireAdminToken(options.adminToken));
  // Responses carry client secrets and key material: no cache may keep them.
  app.use("*", async (c, next) => {
    for (const [name, value] of Object.entries(NO_STORE_HEADERS)) c.header(name, value);
    await next();
  });
  registerIssuerRoutes(app, engine);
  registerClientRoutes(app, engine);
  registerSigningKeyRoutes(app, engine);
  registerExplainRoutes(app, engine);
  registerSchemaRoutes(app);
  registerOpenApiDocument(app);
  return app;
}
