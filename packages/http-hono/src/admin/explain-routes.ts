import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { Engine, Explanation } from "@jwtgrant/core";
import type { AdminEnv } from "./admin-env.js";
import { ERROR_RESPONSES } from "./error-schemas.js";
import { ExplainRequestSchema, ExplanationSchema, type ExplanationWire } from "./explain-schemas.js";
import { jsonContent } from "./json-content.js";

const explain = createRoute({
  method: "post",
  path: "/explain",
  tags: ["Explain"],
  summary: "Explain the token endpoint's verdict on an assertion",
  description:
    "Runs every check of the jwt-bearer grant and writes nothing: the replay guard is only read. The verdict is the token endpoint's; each trust rule is shown condition by condition. An assertion with typ oauth-id-jag+jwt is explained under the ID-JAG profile's rules.",
  request: { body: { required: true, content: jsonContent(ExplainRequestSchema) } },
  responses: {
    200: { description: "The verdict and why", content: jsonContent(ExplanationSchema) },
    400: ERROR_RESPONSES[400],
    401: ERROR_RESPONSES[401],
    404: ERROR_RESPONSES[404],
  },
});

export function explanationToWire(explained: Explanation): ExplanationWire {
  const { token } = explained;
  return {
    outcome: explained.outcome,
    profile: explained.profile,
    error: explained.error,
    reason: explained.reason,
    error_description: explained.description,
    issuer: explained.issuer,
    rule: explained.rule,
    jti_used: explained.jtiUsed,
    client: explained.client,
    rules:
      explained.rules?.map(({ name, matched, conditions }) => ({
        name,
        matched,
        conditions: conditions.map(({ claim, operator, passed, actual }) => ({
          claim,
          operator,
          passed,
          actual,
        })),
      })) ?? null,
    token:
      token === null
        ? null
        : {
            sub: token.subject,
            scope: token.scope,
            claims: { ...token.claims },
            expires_in: token.expiresIn,
            aud: typeof token.audience === "string" ? token.audience : [...token.audience],
            refresh_token: token.refreshToken,
          },
  };
}

export function registerExplainRoutes(app: OpenAPIHono<AdminEnv>, engine: Engine): void {
  app.openapi(explain, async (c) => {
    const body = c.req.valid("json");
    const explained = await engine.explainJwtBearer({
      assertion: body.assertion,
      clientId: body.client_id,
      scope: body.scope,
      ...(body.resource === undefined ? {} : { resource: body.resource }),
    });
    return c.json(explanationToWire(explained), 200);
  });
}
