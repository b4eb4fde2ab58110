CREATE TABLE "teams" ("id" bigint);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team_id" bigint;
--> statement-breakpoint
SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "note" text;
