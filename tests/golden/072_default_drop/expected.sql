-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "settings" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "settings" against reads and writes

ALTER TABLE "public"."settings" ALTER COLUMN "page_size" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."settings" ALTER COLUMN "updated_at" DROP DEFAULT;
