-- shale:down of 0001_after

ALTER TABLE "public"."settings" ALTER COLUMN "page_size" SET DEFAULT 10;
--> statement-breakpoint
ALTER TABLE "public"."settings" ALTER COLUMN "updated_at" SET DEFAULT now();
