-- hazard: DELETES_DATA drops column "notes"."attrs"
-- hazard: BACKWARD_INCOMPATIBLE code using column "notes"."attrs" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "notes" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE drops extension "hstore": code using its types and functions breaks

ALTER TABLE "public"."notes" DROP COLUMN "attrs";
--> statement-breakpoint
DROP EXTENSION "hstore";
