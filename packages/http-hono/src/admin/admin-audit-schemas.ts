import { z } from "@hono/zod-openapi";
import { ADMIN_ACTIONS, MAX_ADMIN_AUDIT_LIMIT } from "@jwtgrant/core";
import { TimestampSchema } from "./timestamp-schema.js";

const AdminActorSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("bootstrap_token"),
      fingerprint: z
        .string()
        .optional()
        .openapi({ description: "The first 12 hex digits of the token's SHA-256" }),
    }),
    z.object({ kind: z.literal("api_key"), id: z.string(), name: z.string() }),
    z.object({
      kind: z.literal("console"),
      session: z.string().openapi({ description: "A fingerprint of the console session's id" }),
    }),
    z.object({ kind: z.literal("server"), task: z.enum(["bootstrap_file", "key_rotation_schedule"]) }),
  ])
  .openapi("AdminActor", { description: "Who made the change; never a credential" });

const SnapshotSchema = z
  .record(z.string(), z.unknown())
  .nullable()
  .openapi({ description: "The record as the admin API shows it, without any secret" });

export const AdminAuditRecordSchema = z
  .object({
    id: z.string().openapi({ description: "Pass it as `before` for the records older than this one" }),
    at: TimestampSchema,
    actor: AdminActorSchema,
    action: z.enum(ADMIN_ACTIONS),
    target_id: z.string().openapi({
      description: "The issuer's id, the client_id, the signing key's kid or the admin key's id",
    }),
    before: SnapshotSchema.openapi({ description: "null for a creation" }),
    after: SnapshotSchema.openapi({ description: "null for a deletion or revocation" }),
  })
  .openapi("AdminAuditRecord");

export const AdminAuditListSchema = z
  .object({
    items: z.array(AdminAuditRecordSchema),
    next_before: z.string().nullable().openapi({
      description: "The `before` of the next page; null when this page is the last",
    }),
  })
  .openapi("AdminAuditList");

export const AdminAuditQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .optional()
    .openapi({
      param: { name: "limit", in: "query" },
      description: `1 to ${MAX_ADMIN_AUDIT_LIMIT} records; default 50`,
    }),
  before: z
    .string()
    .max(20)
    .optional()
    .openapi({
      param: { name: "before", in: "query" },
      description: "Only records older than the one with this id",
    }),
});

export type AdminAuditRecordWire = z.input<typeof AdminAuditRecordSchema>;
