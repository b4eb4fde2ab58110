-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "jobs" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "jobs" against reads and writes

ALTER TABLE "public"."jobs" ALTER COLUMN "attempt" SET DEFAULT 1;
--> statement-breakpoint
ALTER TABLE "public"."jobs" ALTER COLUMN "id" DROP IDENTITY;
