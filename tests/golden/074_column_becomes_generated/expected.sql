-- hazard: DELETES_DATA drops column "line_items"."total_cents"
-- hazard: BACKWARD_INCOMPATIBLE code using column "line_items"."total_cents" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "line_items" to fill column "line_items"."total_cents"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes

ALTER TABLE "public"."line_items" DROP COLUMN "total_cents";
--> statement-breakpoint
ALTER TABLE "public"."line_items" ADD COLUMN "total_cents" bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED NOT NULL;
