-- hazard: DELETES_DATA drops table "posts" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "posts" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "posts" against reads and writes
-- hazard: DELETES_DATA removes value 'review' from enum "status": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'review' to enum "status" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "pages" to convert column "pages"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes

DROP TABLE "public"."posts";
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('draft', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DEFAULT 'draft';
--> statement-breakpoint
DROP TYPE "public"."status__previous";
