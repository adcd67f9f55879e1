import { z } from "@hono/zod-openapi";
import { SIGNING_ALGORITHMS } from "@jwtgrant/core";
import { JwkSchema } from "./jwk-set-schema.js";
import { TimestampSchema } from "./timestamp-schema.js";

export const SigningKeySchema = z
  .object({
    kid: z.string(),
    alg: z.enum(SIGNING_ALGORITHMS),
    status: z.enum(["active", "retired"]),
    created_at: TimestampSchema,
    publish_until: TimestampSchema.nullable().openapi({
      description: "A retired key stays in the JWKS until then; null for the active key",
    }),
    public_jwk: JwkSchema,
  })
  .openapi("SigningKey", {
    description: "One of the server's signing keys; its private half is never shown",
  });

export const SigningKeyListSchema = z.object({ items: z.array(SigningKeySchema) }).openapi("SigningKeyList");

export type SigningKeyWire = z.input<typeof SigningKeySchema>;
