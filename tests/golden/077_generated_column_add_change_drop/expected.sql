-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "rectangles" to fill column "rectangles"."area"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "rectangles" to fill column "rectangles"."landscape"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "rectangles" against reads and writes

ALTER TABLE "public"."rectangles" DROP COLUMN "area";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ALTER COLUMN "perimeter" DROP EXPRESSION;
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "area" integer GENERATED ALWAYS AS (width * height * 2) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "landscape" boolean GENERATED ALWAYS AS (width > height) STORED NOT NULL;
