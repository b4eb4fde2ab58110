-- shale:no-transaction
SET lock_timeout = '5s';
--> statement-breakpoint
CREATE INDEX CONCURRENTLY "users_email_idx" ON "users" ("email");
--> statement-breakpoint
DROP INDEX CONCURRENTLY "users_old_idx";
--> statement-breakpoint
BEGIN;
ALTER TABLE "users" ADD COLUMN "note" text;
COMMIT;
--> statement-breakpoint
REINDEX INDEX CONCURRENTLY "users_email_idx";
