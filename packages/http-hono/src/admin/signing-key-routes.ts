import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Engine } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { jsonContent } from "./json-content.js";
import { SigningKeyListSchema, SigningKeySchema } from "./signing-key-schemas.js";
import { signingKeyToWire } from "./signing-key-wire.js";

const tags = ["Signing keys"];

const listKeys = createRoute({
  method: "get",
  path: "/keys",
  tags,
  summary: "List the server's signing keys",
  responses: {
    200: { description: "The active key and the retired ones", content: jsonContent(SigningKeyListSchema) },
    401: ERROR_RESPONSES[401],
  },
});

const rotateKey = createRoute({
  method: "post",
  path: "/keys/rotate",
  tags,
  summary: "Make a new active signing key",
  description: "The old key stays published until every token it signed has expired.",
  responses: {
    201: { description: "The new active key", content: jsonContent(SigningKeySchema) },
    401: ERROR_RESPONSES[401],
  },
});

export function registerSigningKeyRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(listKeys, async (c) => {
    const keys = await engine.signingKeys.list();
    return c.json({ items: keys.map(signingKeyToWire) }, 200);
  });
  app.openapi(rotateKey, async (c) =>
    c.json(signingKeyToWire(await engine.signingKeys.rotate(c.get("adminActor"))), 201),
  );
}
