import { z } from "@hono/zod-openapi";

const scalar = {
  oneOf: [{ type: "string" as const }, { type: "number" as const }, { type: "boolean" as const }],
};

/** One condition: exactly one operator, and `ignore_case` beside `eq`, `in` or `glob`. */
const condition = {
  type: "object" as const,
  minProperties: 1,
  properties: {
    eq: scalar,
    in: { type: "array" as const, items: scalar, minItems: 1 },
    glob: {
      type: "string" as const,
      description: "`*` a run without / and :, `**` any run, `?` one character",
    },
    contains: scalar,
    exists: { type: "boolean" as const },
    ignore_case: { type: "boolean" as const },
  },
  additionalProperties: false,
};

const rule = {
  type: "object" as const,
  required: ["name", "when"],
  properties: {
    name: { type: "string" as const, pattern: "^[a-z0-9][a-z0-9_-]{0,63}$" },
    when: {
      type: "object" as const,
      description: "Claim name or RFC 6901 JSON Pointer → condition; every condition must hold, in order",
      additionalProperties: condition,
    },
    scope: { type: "string" as const, description: "The most this rule grants" },
    subject: {
      type: "string" as const,
      description: "The access token's sub, from {claim} or {/pointer} placeholders",
    },
    claims: {
      type: "object" as const,
      description: "Access-token claim name ← assertion claim name or JSON Pointer",
      additionalProperties: { type: "string" as const },
    },
    access_token_ttl: { type: "integer" as const, minimum: 1 },
    refresh_tokens: { type: "boolean" as const, description: "Default true" },
  },
  additionalProperties: false,
};

/**
 * An issuer's trust rules. Only documented here: core validates them, so that every problem is named by its
 * full path (`rules[1].when.ref: glob must be a string`) in one vocabulary, whatever the shape sent.
 */
export const TrustRulesSchema = z.unknown().openapi("TrustRules", {
  type: "array" as const,
  items: rule,
  minItems: 1,
  maxItems: 50,
  description:
    "Rules tried in order; the first that matches decides, and one must match. null: no rules (single-tenant issuers only)",
});
