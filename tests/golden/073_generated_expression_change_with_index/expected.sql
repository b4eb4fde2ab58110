-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "rectangles" to fill column "rectangles"."area"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: INDEX_BUILD builds index "rectangles_area_idx" on "rectangles", blocking writes while it runs

DROP INDEX "public"."rectangles_area_idx";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" DROP COLUMN "area";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "area" integer GENERATED ALWAYS AS (width * height / 2) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "rectangles_area_idx" ON "public"."rectangles" USING btree ("area");
