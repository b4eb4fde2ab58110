-- shale:no-transaction
SET lock_timeout = '5s';
--> statement-breakpoint
DROP INDEX CONCURRENTLY IF EXISTS "users_email_idx";
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "name" text);
--> statement-breakpoint
CREATE INDEX "teams_name_idx" ON "teams" ("name");
--> statement-breakpoint
DROP INDEX "teams_name_idx";
