-- shale:down of 0001_after
-- shale:data-loss: drops column "rectangles"."landscape"
-- shale:data-loss: drops column "rectangles"."perimeter"

ALTER TABLE "public"."rectangles" DROP COLUMN "area";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" DROP COLUMN "landscape";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" DROP COLUMN "perimeter";
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "area" integer GENERATED ALWAYS AS (width * height) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."rectangles" ADD COLUMN "perimeter" integer GENERATED ALWAYS AS (width + width + height + height) STORED NOT NULL;
