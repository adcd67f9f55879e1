import { z } from "@hono/zod-openapi";

export const ExplainRequestSchema = z
  .strictObject({
    assertion: z.string().openapi({ description: "The JWT a client would present as `assertion`" }),
    client_id: z
      .string()
      .optional()
      .openapi({ description: "The client that would present it; without one its checks are skipped" }),
    scope: z.string().optional().openapi({ description: "The scope the client would request" }),
    resource: z
      .array(z.string())
      .max(50)
      .optional()
      .openapi({ description: "The resource indicators (RFC 8707) the client would request" }),
  })
  .openapi("ExplainRequest");

const ConditionSchema = z.object({
  claim: z.string(),
  operator: z.string().openapi({ enum: ["eq", "in", "glob", "contains", "exists"] }),
  passed: z.boolean(),
  actual: z
    .unknown()
    .optional()
    .openapi({ description: "The claim's value in the assertion; absent when missing" }),
});

export const ExplanationSchema = z
  .object({
    outcome: z.enum(["would_grant", "refused"]),
    profile: z
      .enum(["id-jag"])
      .nullable()
      .openapi({ description: "`id-jag` when treated as an ID-JAG, under its rules" }),
    error: z.string().nullable().openapi({ description: "The OAuth error the token endpoint would answer" }),
    reason: z.string().nullable().openapi({ description: "The refusal's reason code, as in the audit log" }),
    error_description: z.string().nullable(),
    issuer: z.string().nullable().openapi({ description: "The registered issuer the assertion names" }),
    rule: z.string().nullable().openapi({ description: "The trust rule that matched" }),
    jti_used: z.boolean().openapi({ description: "Already exchanged (read, never recorded)" }),
    client: z.enum(["checked", "skipped"]),
    rules: z
      .array(z.object({ name: z.string(), matched: z.boolean(), conditions: z.array(ConditionSchema) }))
      .nullable()
      .openapi({ description: "Every rule, each condition evaluated; null when the issuer has none" }),
    token: z
      .object({
        sub: z.string(),
        scope: z.string().nullable(),
        claims: z.record(z.string(), z.unknown()),
        expires_in: z.int(),
        aud: z
          .union([z.string(), z.array(z.string())])
          .openapi({ description: "The access token's audience: the resources granted, or this server" }),
        refresh_token: z.boolean(),
      })
      .nullable()
      .openapi({ description: "The access token the grant would issue" }),
  })
  .openapi("Explanation");

export type ExplainBody = z.output<typeof ExplainRequestSchema>;
export type ExplanationWire = z.input<typeof ExplanationSchema>;
