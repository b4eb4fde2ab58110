-- hazard: DELETES_DATA drops table "pages" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "pages" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops enum "status"

DROP TABLE "public"."pages";
--> statement-breakpoint
DROP TYPE "public"."status";
