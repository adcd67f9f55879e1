import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Engine } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import {
  AdminKeyCreateSchema,
  AdminKeyIdSchema,
  AdminKeyListSchema,
  AdminKeyWithSecretSchema,
} from "./admin-key-schemas.js";
import { adminKeyToWire } from "./admin-key-wire.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { jsonContent } from "./json-content.js";

const tags = ["Admin keys"];

const createAdminKey = createRoute({
  method: "post",
  path: "/admin-keys",
  tags,
  summary: "Make a named admin API key",
  description: "The key is shown in this response only; the server keeps its SHA-256.",
  request: { body: { required: true, content: jsonContent(AdminKeyCreateSchema) } },
  responses: {
    201: { description: "The new key, with the key itself", content: jsonContent(AdminKeyWithSecretSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    409: ERROR_RESPONSES[409],
  },
});

const listAdminKeys = createRoute({
  method: "get",
  path: "/admin-keys",
  tags,
  summary: "List the admin API keys",
  responses: {
    200: { description: "Every key, without the keys themselves", content: jsonContent(AdminKeyListSchema) },
    401: ERROR_RESPONSES[401],
  },
});

const revokeAdminKey = createRoute({
  method: "delete",
  path: "/admin-keys/{id}",
  tags,
  summary: "Revoke an admin API key",
  description: "The key is refused from the next request on, by every instance sharing the database.",
  request: { params: AdminKeyIdSchema },
  responses: {
    204: { description: "Revoked" },
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

export function registerAdminKeyRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(createAdminKey, async (c) => {
    const { key, secret } = await engine.adminKeys.create(c.get("adminActor"), c.req.valid("json"));
    return c.json({ ...adminKeyToWire(key), key: secret }, 201);
  });
  app.openapi(listAdminKeys, async (c) => {
    return c.json({ items: (await engine.adminKeys.list()).map(adminKeyToWire) }, 200);
  });
  app.openapi(revokeAdminKey, async (c) => {
    await engine.adminKeys.revoke(c.get("adminActor"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
