-- shale:down of 0001_after

ALTER TABLE "public"."settings" ALTER COLUMN "page_size" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."settings" ALTER COLUMN "page_size" SET DEFAULT 10;
