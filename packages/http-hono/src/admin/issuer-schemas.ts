import { z } from "@hono/zod-openapi";
import { ASYMMETRIC_ALGORITHMS } from "@jwtgrant/core";
import { JwkSetSchema } from "./jwk-set-schema.js";
import { TimestampSchema } from "./timestamp-schema.js";
import { TrustRulesSchema } from "./trust-rules-schema.js";

const issuer = z
  .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
  .openapi({
    description: "The `iss` that the issuer's assertions carry; unique",
    example: "https://idp.example.com",
  });

/**
 * Shapes and types only: core checks what the values mean (the PEM parses, the keys are public, exactly one
 * key source, the algorithms fit the keys), so its messages stay the one source of truth.
 */
const inputFields = {
  name: z.string().nullable().optional(),
  certificate: z.string().optional().openapi({ description: "A PEM X.509 certificate (one key source)" }),
  certificates: z
    .array(z.string())
    .optional()
    .openapi({ description: "Up to 10 PEM X.509 certificates, e.g. across a rollover (one key source)" }),
  jwks: JwkSetSchema.optional().openapi({ description: "An inline public JWK Set (one key source)" }),
  jwks_uri: z.string().optional().openapi({
    format: "uri",
    description: "A JWKS URI, https (or http on a loopback host), fetched and cached (one key source)",
  }),
  discovery: z.boolean().optional().openapi({
    description:
      "true: the keys come from the jwks_uri of the issuer's OpenID Provider metadata, whose issuer must equal this one (one key source)",
  }),
  algorithms: z
    .array(z.string().openapi({ enum: [...ASYMMETRIC_ALGORITHMS] }))
    .nullable()
    .optional()
    .openapi({
      description:
        "Allowed JWS algorithms, each verifiable by one of the issuer's keys (checked when the keys are known, not for a jwks_uri); null or unset: what the keys imply",
    }),
  allow_any_subject: z.boolean().optional().openapi({ description: "Default true" }),
  subjects: z.array(z.string()).optional().openapi({ description: "Only these subjects" }),
  scope: z.string().nullable().optional().openapi({ description: "The most this issuer may grant" }),
  expires_at: z.iso
    .datetime({ offset: true, error: "must be an RFC 3339 date-time, e.g. 2027-01-01T00:00:00Z" })
    .nullable()
    .optional()
    .openapi({ description: "Trust ends at this instant" }),
  enabled: z.boolean().optional(),
  audiences: z.array(z.string()).nullable().optional().openapi({
    description: "aud values accepted from this issuer besides this server's issuer and token endpoint",
  }),
  assertion_reuse: z
    .string()
    .optional()
    .openapi({
      enum: ["single_use", "allowed"],
      description:
        "Default single_use; allowed: one assertion may be exchanged until it expires (jti optional, not recorded)",
    }),
  max_assertion_lifetime: z
    .int()
    .nullable()
    .optional()
    .openapi({ description: "Seconds; overrides the server's maximum assertion lifetime for this issuer" }),
  rules: TrustRulesSchema.optional(),
};

export const IssuerCreateSchema = z.strictObject({ issuer, ...inputFields }).openapi("TrustedIssuerCreate");

export const IssuerPatchSchema = z
  .strictObject({ issuer: issuer.optional(), ...inputFields })
  .openapi("TrustedIssuerPatch", {
    description:
      "Fields to change; a new key source replaces the old one. The result is checked as a new issuer is, so the allowed algorithms must fit the keys after the change",
  });

export const IssuerSchema = z
  .object({
    id: z.string(),
    issuer,
    name: z.string().nullable(),
    certificate: z.string().optional(),
    certificates: z.array(z.string()).optional(),
    jwks: JwkSetSchema.optional(),
    jwks_uri: z.string().optional(),
    discovery: z.literal(true).optional(),
    algorithms: z.array(z.string()).nullable(),
    allow_any_subject: z.boolean(),
    subjects: z.array(z.string()).optional().openapi({ description: "Present when subjects are listed" }),
    scope: z.string().nullable(),
    expires_at: TimestampSchema.nullable(),
    enabled: z.boolean(),
    audiences: z.array(z.string()),
    assertion_reuse: z.string(),
    max_assertion_lifetime: z.int().nullable(),
    rules: TrustRulesSchema,
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
  })
  .openapi("TrustedIssuer", {
    description: "Exactly one of certificate, certificates, jwks, jwks_uri and discovery is present",
  });

export const IssuerListSchema = z.object({ items: z.array(IssuerSchema) }).openapi("TrustedIssuerList");

export const IssuerIdSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" } }),
});

export type IssuerCreateBody = z.output<typeof IssuerCreateSchema>;
export type IssuerPatchBody = z.output<typeof IssuerPatchSchema>;
export type IssuerWire = z.input<typeof IssuerSchema>;
