-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

SET LOCAL lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "token" uuid;
--> statement-breakpoint
-- rows already in "users" keep NULL in column "users"."token": its default gen_random_uuid() applies to new rows only; backfill the others in batches yourself (UPDATE "public"."users" SET "token" = gen_random_uuid() WHERE "token" IS NULL AND <key range>)
ALTER TABLE "public"."users" ALTER COLUMN "token" SET DEFAULT gen_random_uuid();
