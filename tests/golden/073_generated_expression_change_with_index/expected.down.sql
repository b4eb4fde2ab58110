-- shale:down of 0001_after

DROP INDEX "public"."rectangles_area_idx";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" DROP COLUMN "area";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "area" integer GENERATED ALWAYS AS (width * height) STORED NOT NULL;
--> statement-breakpoint
CREATE INDEX "rectangles_area_idx" ON "public"."rectangles" USING btree ("area");
