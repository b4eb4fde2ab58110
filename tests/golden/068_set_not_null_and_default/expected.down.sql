-- shale:down of 0001_after

ALTER TABLE "public"."users" ALTER COLUMN "name" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "name" DROP NOT NULL;
