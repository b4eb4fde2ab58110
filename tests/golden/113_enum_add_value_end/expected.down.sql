-- shale:down of 0001_after
-- shale:data-loss: removes value 'archived' from enum "status": converting a row that holds one fails

ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('draft', 'review', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'draft';
--> statement-breakpoint
DROP TYPE "public"."status__previous";
