CREATE TABLE "clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"client_name" text,
	"secret_hash" text,
	"auth_method" text NOT NULL,
	"grant_types" text[] NOT NULL,
	"scope" text[] NOT NULL,
	"key_source" jsonb,
	"redirect_uris" text[] NOT NULL,
	"access_token_ttl" integer,
	"refresh_token_ttl" integer,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_audit" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"grant_type" text NOT NULL,
	"client_id" text NOT NULL,
	"issuer" text,
	"subject" text,
	"jti" text,
	"outcome" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"family_id" text NOT NULL,
	"client_id" text NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"scope" text[] NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revoked_access_tokens" (
	"jti" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"publish_until" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "trusted_issuers" (
	"id" text PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"name" text,
	"key_source" jsonb NOT NULL,
	"algorithms" text[],
	"subject_rule" jsonb NOT NULL,
	"scope" text[],
	"expires_at" timestamp (3) with time zone,
	"enabled" boolean NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "trusted_issuers_issuer_unique" UNIQUE("issuer")
);
--> statement-breakpoint
CREATE TABLE "used_assertions" (
	"issuer" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "used_assertions_issuer_jti_pk" PRIMARY KEY("issuer","jti")
);
--> statement-breakpoint
CREATE INDEX "grant_audit_at" ON "grant_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_id" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_expires_at" ON "refresh_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "revoked_access_tokens_expires_at" ON "revoked_access_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_one_active" ON "signing_keys" USING btree ("status") WHERE "signing_keys"."status" = 'active';--> statement-breakpoint
CREATE INDEX "used_assertions_expires_at" ON "used_assertions" USING btree ("expires_at");