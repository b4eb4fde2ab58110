-- hazard: DELETES_DATA drops column "pages"."status"
-- hazard: BACKWARD_INCOMPATIBLE code using column "pages"."status" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops enum "status"

ALTER TABLE "public"."pages" DROP COLUMN "status";
--> statement-breakpoint
DROP TYPE "public"."status";
