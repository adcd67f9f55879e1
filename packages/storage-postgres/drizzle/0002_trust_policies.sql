ALTER TABLE "clients" ADD COLUMN "trusted_issuers" text[];--> statement-breakpoint
ALTER TABLE "grant_audit" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "rule" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "token_subject" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "claims" json;--> statement-breakpoint
ALTER TABLE "trusted_issuers" ADD COLUMN "audiences" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "trusted_issuers" ADD COLUMN "assertion_reuse" text DEFAULT 'single_use' NOT NULL;--> statement-breakpoint
ALTER TABLE "trusted_issuers" ADD COLUMN "max_assertion_lifetime" integer;--> statement-breakpoint
ALTER TABLE "trusted_issuers" ADD COLUMN "rules" json;