import { z } from "@hono/zod-openapi";
import { CLIENT_AUTH_METHODS, GRANT_TYPES } from "@jwtgrant/core";
import { JwkSetSchema } from "./jwk-set-schema.js";
import { TimestampSchema } from "./timestamp-schema.js";

const seconds = z.int().nullable();

/** Shapes and types only: core checks the values (known grant types and methods, TTL ranges, URLs). */
const inputFields = {
  client_name: z.string().nullable().optional(),
  grant_types: z
    .array(z.string().openapi({ enum: [...GRANT_TYPES] }))
    .optional()
    .openapi({ description: "Default: the JWT bearer grant only" }),
  scope: z.string().optional().openapi({ description: "Every scope the client may be granted" }),
  token_endpoint_auth_method: z
    .string()
    .optional()
    .openapi({ enum: [...CLIENT_AUTH_METHODS], description: "Default client_secret_basic" }),
  jwks: JwkSetSchema.optional().openapi({ description: "For private_key_jwt" }),
  jwks_uri: z.string().optional().openapi({ format: "uri", description: "For private_key_jwt" }),
  redirect_uris: z.array(z.string()).optional(),
  resources: z
    .array(z.string().openapi({ format: "uri" }))
    .optional()
    .openapi({
      description:
        "The RFC 8707 resource indicators the client may request: absolute URIs without a fragment, compared exactly. Default: none",
    }),
  trusted_issuers: z
    .array(z.string())
    .nullable()
    .optional()
    .openapi({ description: "The only issuers whose assertions the client may present; null: any" }),
  access_token_ttl: seconds.optional().openapi({ description: "Seconds; null: the server's default" }),
  refresh_token_ttl: seconds.optional().openapi({ description: "Seconds; null: the server's default" }),
};

export const ClientCreateSchema = z
  .strictObject({
    client_id: z.string().optional().openapi({
      description: "For a client moved from another server: its id (default: a generated UUID)",
    }),
    client_secret: z.string().optional().openapi({
      description:
        "For a client moved from another server: its secret, with at least 128 bits of estimated entropy; stored hashed and never returned (default: a generated secret, returned once)",
      writeOnly: true,
    }),
    ...inputFields,
  })
  .openapi("ClientCreate");

export const ClientPatchSchema = z.strictObject(inputFields).openapi("ClientPatch");

const clientFields = {
  client_id: z.string(),
  client_name: z.string().nullable(),
  grant_types: z.array(z.string()),
  scope: z.string(),
  token_endpoint_auth_method: z.string(),
  jwks: JwkSetSchema.optional(),
  jwks_uri: z.string().optional(),
  redirect_uris: z.array(z.string()),
  resources: z.array(z.string()),
  trusted_issuers: z.array(z.string()).nullable(),
  access_token_ttl: seconds,
  refresh_token_ttl: seconds,
  created_at: TimestampSchema,
  updated_at: TimestampSchema,
};

export const ClientSchema = z.object(clientFields).openapi("Client");

export const ClientWithSecretSchema = z
  .object({
    ...clientFields,
    client_secret: z.string().nullable().openapi({
      description: "Shown only in this response; null for a client that authenticates without a secret",
    }),
  })
  .openapi("ClientWithSecret");

export const ClientListSchema = z.object({ items: z.array(ClientSchema) }).openapi("ClientList");

export const ClientIdSchema = z.object({
  client_id: z.string().openapi({ param: { name: "client_id", in: "path" } }),
});

export type ClientBody = z.output<typeof ClientPatchSchema>;
export type ClientCreateBody = z.output<typeof ClientCreateSchema>;
export type ClientWire = z.input<typeof ClientSchema>;
export type ClientWithSecretWire = z.input<typeof ClientWithSecretSchema>;
