import { z } from "@hono/zod-openapi";
import { TimestampSchema } from "./timestamp-schema.js";

export const AdminKeyCreateSchema = z
  .strictObject({
    name: z.string().max(64).openapi({
      description:
        "Unique; 1 to 64 letters, digits, `.`, `_` or `-`. The audit log names the key's holder by it.",
      example: "ci",
    }),
  })
  .openapi("AdminKeyCreate");

export const AdminKeySchema = z
  .object({ id: z.string(), name: z.string(), created_at: TimestampSchema })
  .openapi("AdminKey", { description: "A named admin API key; the key itself is shown only when created" });

export const AdminKeyWithSecretSchema = AdminKeySchema.extend({
  key: z.string().openapi({
    description: "The admin key (`jgak_…`), shown in this response only: present it as a Bearer token",
  }),
}).openapi("AdminKeyWithSecret");

export const AdminKeyListSchema = z.object({ items: z.array(AdminKeySchema) }).openapi("AdminKeyList");

export const AdminKeyIdSchema = z.object({
  id: z.string().openapi({ param: { name: "id", in: "path" } }),
});

export type AdminKeyWire = z.input<typeof AdminKeySchema>;
