-- shale:down of 0001_after

ALTER TYPE "public"."status" RENAME VALUE 'proposal' TO 'draft';
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'draft';
