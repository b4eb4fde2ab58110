-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "line_items" to change column "line_items"."quantity" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "line_items" to change column "line_items"."unit_cents" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "line_items" to fill column "line_items"."total_cents"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "line_items" against reads and writes

ALTER TABLE "public"."line_items" DROP COLUMN "total_cents";
--> statement-breakpoint
ALTER TABLE "public"."line_items" ALTER COLUMN "quantity" SET DATA TYPE bigint USING "quantity"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."line_items" ALTER COLUMN "unit_cents" SET DATA TYPE bigint USING "unit_cents"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."line_items" ADD COLUMN "total_cents" bigint GENERATED ALWAYS AS (quantity * unit_cents) STORED NOT NULL;
