-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "pages" to convert column "pages"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes

ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('idea', 'draft', 'review', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'idea';
--> statement-breakpoint
DROP TYPE "public"."status__previous";
