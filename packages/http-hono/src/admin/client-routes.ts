import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { clientCreateInputFromWire, clientInputFromWire, type Engine } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import {
  ClientCreateSchema,
  ClientIdSchema,
  ClientListSchema,
  ClientPatchSchema,
  ClientSchema,
  ClientWithSecretSchema,
} from "./client-schemas.js";
import { clientToWire, clientWithSecretToWire } from "./client-wire.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { jsonContent } from "./json-content.js";

const tags = ["Clients"];

const createClient = createRoute({
  method: "post",
  path: "/clients",
  tags,
  summary: "Register a client",
  description: "A client_secret_* client gets a generated secret, shown in this response only.",
  request: { body: { required: true, content: jsonContent(ClientCreateSchema) } },
  responses: {
    201: {
      description: "The registered client and its secret",
      content: jsonContent(ClientWithSecretSchema),
    },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    409: ERROR_RESPONSES[409],
  },
});

const listClients = createRoute({
  method: "get",
  path: "/clients",
  tags,
  summary: "List the clients",
  responses: {
    200: { description: "Every client", content: jsonContent(ClientListSchema) },
    401: ERROR_RESPONSES[401],
  },
});

const getClient = createRoute({
  method: "get",
  path: "/clients/{client_id}",
  tags,
  summary: "Show a client",
  request: { params: ClientIdSchema },
  responses: {
    200: { description: "The client", content: jsonContent(ClientSchema) },
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

const updateClient = createRoute({
  method: "patch",
  path: "/clients/{client_id}",
  tags,
  summary: "Change a client",
  description: "Never returns a secret; a client switched to a secret method needs a new secret.",
  request: { params: ClientIdSchema, body: { required: true, content: jsonContent(ClientPatchSchema) } },
  responses: {
    200: { description: "The updated client", content: jsonContent(ClientSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

const deleteClient = createRoute({
  method: "delete",
  path: "/clients/{client_id}",
  tags,
  summary: "Remove a client",
  request: { params: ClientIdSchema },
  responses: {
    204: { description: "Removed" },
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

const rotateClientSecret = createRoute({
  method: "post",
  path: "/clients/{client_id}/secret",
  tags,
  summary: "Issue a new client secret",
  description: "The old secret stops working at once.",
  request: { params: ClientIdSchema },
  responses: {
    200: { description: "The client and its new secret", content: jsonContent(ClientWithSecretSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

export function registerClientRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(createClient, async (c) => {
    const created = await engine.clients.create(
      c.get("adminActor"),
      clientCreateInputFromWire(c.req.valid("json")),
    );
    return c.json(clientWithSecretToWire(created), 201);
  });
  app.openapi(listClients, async (c) => {
    const clients = await engine.clients.list();
    return c.json({ items: clients.map(clientToWire) }, 200);
  });
  app.openapi(getClient, async (c) => {
    return c.json(clientToWire(await engine.clients.get(c.req.valid("param").client_id)), 200);
  });
  app.openapi(updateClient, async (c) => {
    const patch = clientInputFromWire(c.req.valid("json"));
    return c.json(
      clientToWire(await engine.clients.update(c.get("adminActor"), c.req.valid("param").client_id, patch)),
      200,
    );
  });
  app.openapi(deleteClient, async (c) => {
    await engine.clients.delete(c.get("adminActor"), c.req.valid("param").client_id);
    return c.body(null, 204);
  });
  app.openapi(rotateClientSecret, async (c) => {
    const rotated = await engine.clients.rotateSecret(c.get("adminActor"), c.req.valid("param").client_id);
    return c.json(clientWithSecretToWire(rotated), 200);
  });
}
