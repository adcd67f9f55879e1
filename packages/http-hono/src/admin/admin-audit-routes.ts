import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_ADMIN_AUDIT_LIMIT, type Engine } from "@jwtgrant/core";
import { AdminAuditListSchema, AdminAuditQuerySchema } from "./admin-audit-schemas.js";
import { adminAuditRecordToWire } from "./admin-audit-wire.js";
import type { AdminEnv } from "./admin-env.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { jsonContent } from "./json-content.js";

const listAdminAudit = createRoute({
  method: "get",
  path: "/audit",
  tags: ["Audit"],
  summary: "Read the admin audit log",
  description:
    "Every admin change (create, update, delete, secret rotation, key rotation, admin key creation and " +
    "revocation), newest first: who, what, and the record before and after, with every secret left out.",
  request: { query: AdminAuditQuerySchema },
  responses: {
    200: { description: "A page of records, newest first", content: jsonContent(AdminAuditListSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
  },
});

export function registerAdminAuditRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(listAdminAudit, async (c) => {
    const query = c.req.valid("query");
    const limit = query.limit === undefined ? DEFAULT_ADMIN_AUDIT_LIMIT : Number(query.limit);
    const records = await engine.adminAudit.list({ limit, before: query.before });
    const last = records.at(-1);
    return c.json(
      {
        items: records.map(adminAuditRecordToWire),
        next_before: records.length === limit && last !== undefined ? last.id : null,
      },
      200,
    );
  });
}
