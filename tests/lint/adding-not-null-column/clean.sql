SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint PRIMARY KEY);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "name" text NOT NULL;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "active" boolean NOT NULL DEFAULT true;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" text;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_lower" text NOT NULL GENERATED ALWAYS AS (lower("email")) STORED;
