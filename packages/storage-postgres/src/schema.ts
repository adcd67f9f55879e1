import type {
  AdminAction,
  AdminActor,
  AssertionReuse,
  AsymmetricAlgorithm,
  ClientAuthMethod,
  ClientKeySource,
  GrantAuditEntry,
  GrantType,
  JsonObjectValue,
  KeySource,
  PublicJwk,
  RefreshTokenRecord,
  SigningAlgorithm,
  SigningKey,
  SubjectRule,
  TrustRule,
} from "@jwtgrant/core";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { StoredPrivateJwk } from "./sealed-private-jwk.js";

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

export const trustedIssuers = pgTable("trusted_issuers", {
  id: text("id").primaryKey(),
  issuer: text("issuer").notNull().unique(),
  name: text("name"),
  keySource: jsonb("key_source").$type<KeySource>().notNull(),
  algorithms: text("algorithms").array().$type<AsymmetricAlgorithm[]>(),
  subjectRule: jsonb("subject_rule").$type<SubjectRule>().notNull(),
  scope: text("scope").array(),
  expiresAt: instant("expires_at"),
  enabled: boolean("enabled").notNull(),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  audiences: text("audiences").array().notNull().default(sql`'{}'`),
  assertionReuse: text("assertion_reuse").$type<AssertionReuse>().notNull().default("single_use"),
  maxAssertionLifetimeSeconds: integer("max_assertion_lifetime"),
  // `json`, not `jsonb`: the rules are kept exactly as written, in order, so their evaluation order is.
  rules: json("rules").$type<TrustRule[]>(),
});

export const clients = pgTable("clients", {
  clientId: text("client_id").primaryKey(),
  clientName: text("client_name"),
  secretHash: text("secret_hash"),
  authMethod: text("auth_method").$type<ClientAuthMethod>().notNull(),
  grantTypes: text("grant_types").array().$type<GrantType[]>().notNull(),
  scope: text("scope").array().notNull(),
  keySource: jsonb("key_source").$type<ClientKeySource>(),
  redirectUris: text("redirect_uris").array().notNull(),
  accessTokenTtl: integer("access_token_ttl"),
  refreshTokenTtl: integer("refresh_token_ttl"),
  createdAt: instant("created_at").notNull(),
  updatedAt: instant("updated_at").notNull(),
  trustedIssuers: text("trusted_issuers").array(),
  resources: text("resources").array().default([]).notNull(),
});

export const signingKeys = pgTable(
  "signing_keys",
  {
    kid: text("kid").primaryKey(),
    alg: text("alg").$type<SigningAlgorithm>().notNull(),
    privateJwk: jsonb("private_jwk").$type<StoredPrivateJwk>().notNull(),
    publicJwk: jsonb("public_jwk").$type<PublicJwk>().notNull(),
    status: text("status").$type<SigningKey["status"]>().notNull(),
    createdAt: instant("created_at").notNull(),
    publishUntil: instant("publish_until"),
  },
  // At most one active key, whatever instances race to create or rotate one.
  (table) => [uniqueIndex("signing_keys_one_active").on(table.status).where(sql`${table.status} = 'active'`)],
);

export const usedAssertions = pgTable(
  "used_assertions",
  {
    issuer: text("issuer").notNull(),
    jti: text("jti").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.issuer, table.jti] }),
    index("used_assertions_expires_at").on(table.expiresAt),
  ],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    familyId: text("family_id").notNull(),
    clientId: text("client_id").notNull(),
    subject: text("subject").notNull(),
    issuer: text("issuer").notNull(),
    scope: text("scope").array().notNull(),
    issuedAt: instant("issued_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    state: text("state").$type<RefreshTokenRecord["state"]>().notNull(),
    // Set together by a rotation, in the same statement that spends the token.
    rotatedAt: instant("rotated_at"),
    successorHash: text("successor_hash"),
    sealedSuccessor: text("sealed_successor"),
    // Null on rows granted before trust rules existed: no rule, the assertion's subject, no mapped claims.
    rule: text("rule"),
    tokenSubject: text("token_subject"),
    claims: json("claims").$type<Record<string, unknown>>(),
    resources: text("resources").array().default([]).notNull(),
  },
  (table) => [
    index("refresh_tokens_family_id").on(table.familyId),
    index("refresh_tokens_expires_at").on(table.expiresAt),
  ],
);

export const revokedAccessTokens = pgTable(
  "revoked_access_tokens",
  {
    jti: text("jti").primaryKey(),
    expiresAt: instant("expires_at").notNull(),
  },
  (table) => [index("revoked_access_tokens_expires_at").on(table.expiresAt)],
);

export const grantAudit = pgTable(
  "grant_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull(),
    grantType: text("grant_type").$type<GrantType>().notNull(),
    clientId: text("client_id").notNull(),
    issuer: text("issuer"),
    subject: text("subject"),
    jti: text("jti"),
    outcome: text("outcome").$type<GrantAuditEntry["outcome"]>().notNull(),
    reason: text("reason").$type<GrantAuditEntry["reason"]>(),
    rule: text("rule"),
    // Set together, for a token exchange with an actor.
    actorIssuer: text("actor_issuer"),
    actorSubject: text("actor_subject"),
  },
  (table) => [index("grant_audit_at").on(table.at)],
);

/** Every admin change, kept for good: it grows with admin activity only. */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull(),
    actorKind: text("actor_kind").$type<AdminActor["kind"]>().notNull(),
    // The admin key's id, or the console session's fingerprint; null for the bootstrap token.
    actorId: text("actor_id"),
    actorName: text("actor_name"),
    action: text("action").$type<AdminAction>().notNull(),
    targetId: text("target_id").notNull(),
    // json, not jsonb: a record reads back with its members in the order written, as the API showed them.
    before: json("before").$type<JsonObjectValue>(),
    after: json("after").$type<JsonObjectValue>(),
  },
  (table) => [index("admin_audit_target_id").on(table.targetId)],
);

export const adminKeys = pgTable("admin_keys", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  keyHash: text("key_hash").notNull().unique(),
  createdAt: instant("created_at").notNull(),
});
