ALTER TABLE "clients" ADD COLUMN "resources" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "resources" text[] DEFAULT '{}' NOT NULL;