ALTER TABLE "clients" ADD COLUMN "resources" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_audit" ADD COLUMN "actor_issuer" text;--> statement-breakpoint
ALTER TABLE "grant_audit" ADD COLUMN "actor_subject" text;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "resources" text[] DEFAULT '{}' NOT NULL;