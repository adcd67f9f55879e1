import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AdminEnv } from "./admin-env.js";

const SECURITY_SCHEME = "adminToken";

/**
 * Serves `GET /openapi.json`, generated from the routes' own schemas. The server URL is where the request
 * found the document, so the paths resolve wherever the admin API is mounted.
 */
export function registerOpenApiDocument(app: OpenAPIHono<AdminEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", SECURITY_SCHEME, {
    type: "http",
    scheme: "bearer",
    description: "The admin token (JWTGRANT_ADMIN_TOKEN)",
  });
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "jwtgrant admin API",
      version: "1",
      description: "Trusted issuers, clients and signing keys of a jwtgrant authorization server.",
    },
    servers: [{ url: c.req.path.replace(/\/openapi\.json$/, "") || "/" }],
    security: [{ [SECURITY_SCHEME]: [] }],
  }));
}
