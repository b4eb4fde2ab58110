-- hazard: DELETES_DATA drops column "users"."bio"
SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "bio";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN IF EXISTS "a", DROP COLUMN "b" CASCADE;
