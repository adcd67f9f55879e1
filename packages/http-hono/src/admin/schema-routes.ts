import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { TRUST_DOCUMENT_SCHEMA } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { jsonContent } from "./json-content.js";

const trustDocumentSchema = createRoute({
  method: "get",
  path: "/schema/trust.json",
  tags: ["Trust as code"],
  summary: "The JSON Schema of a trust document (jwtgrant apply, jwtgrant export, JWTGRANT_BOOTSTRAP_FILE)",
  responses: {
    200: {
      description: "A JSON Schema, draft 2020-12",
      content: jsonContent(z.record(z.string(), z.unknown()).openapi("JsonSchema")),
    },
    401: ERROR_RESPONSES[401],
  },
});

export function registerSchemaRoutes(app: OpenAPIHono<AdminEnv>): void {
  app.openapi(trustDocumentSchema, (c) => c.json(TRUST_DOCUMENT_SCHEMA, 200));
}
