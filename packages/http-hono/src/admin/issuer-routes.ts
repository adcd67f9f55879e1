import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { type Engine, issuerInputFromWire, issuerPatchFromWire } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import {
  IssuerCreateSchema,
  IssuerIdSchema,
  IssuerListSchema,
  IssuerPatchSchema,
  IssuerSchema,
} from "./issuer-schemas.js";
import { issuerToWire } from "./issuer-wire.js";
import { jsonContent } from "./json-content.js";

const tags = ["Trusted issuers"];

const createIssuer = createRoute({
  method: "post",
  path: "/issuers",
  tags,
  summary: "Register a trusted issuer",
  request: { body: { required: true, content: jsonContent(IssuerCreateSchema) } },
  responses: {
    201: { description: "The registered issuer", content: jsonContent(IssuerSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    409: ERROR_RESPONSES[409],
  },
});

const listIssuers = createRoute({
  method: "get",
  path: "/issuers",
  tags,
  summary: "List the trusted issuers",
  responses: {
    200: { description: "Every trusted issuer", content: jsonContent(IssuerListSchema) },
    401: ERROR_RESPONSES[401],
  },
});

const getIssuer = createRoute({
  method: "get",
  path: "/issuers/{id}",
  tags,
  summary: "Show a trusted issuer",
  request: { params: IssuerIdSchema },
  responses: {
    200: { description: "The issuer", content: jsonContent(IssuerSchema) },
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

const updateIssuer = createRoute({
  method: "patch",
  path: "/issuers/{id}",
  tags,
  summary: "Change a trusted issuer",
  request: { params: IssuerIdSchema, body: { required: true, content: jsonContent(IssuerPatchSchema) } },
  responses: {
    200: { description: "The updated issuer", content: jsonContent(IssuerSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
    409: ERROR_RESPONSES[409],
  },
});

const deleteIssuer = createRoute({
  method: "delete",
  path: "/issuers/{id}",
  tags,
  summary: "Remove a trusted issuer",
  request: { params: IssuerIdSchema },
  responses: {
    204: { description: "Removed" },
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

export function registerIssuerRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(createIssuer, async (c) => {
    const issuer = await engine.issuers.create(c.get("adminActor"), issuerInputFromWire(c.req.valid("json")));
    return c.json(issuerToWire(issuer), 201);
  });
  app.openapi(listIssuers, async (c) => {
    const issuers = await engine.issuers.list();
    return c.json({ items: issuers.map(issuerToWire) }, 200);
  });
  app.openapi(getIssuer, async (c) => {
    return c.json(issuerToWire(await engine.issuers.get(c.req.valid("param").id)), 200);
  });
  app.openapi(updateIssuer, async (c) => {
    const patch = issuerPatchFromWire(c.req.valid("json"));
    return c.json(
      issuerToWire(await engine.issuers.update(c.get("adminActor"), c.req.valid("param").id, patch)),
      200,
    );
  });
  app.openapi(deleteIssuer, async (c) => {
    await engine.issuers.delete(c.get("adminActor"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
