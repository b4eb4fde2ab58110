-- hazard: BACKWARD_INCOMPATIBLE renames value 'draft' of enum "status" to 'proposal'
-- hazard: DELETES_DATA removes value 'review' from enum "status": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'review' to enum "status" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "pages" to convert column "pages"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "posts" to convert column "posts"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "posts" against reads and writes

ALTER TYPE "public"."status" RENAME VALUE 'draft' TO 'proposal';
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('proposal', 'published', 'archived');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'proposal';
--> statement-breakpoint
ALTER TABLE "public"."posts" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
DROP TYPE "public"."status__previous";
