-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: DELETES_DATA removes value 'review' from enum "status": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'review' to enum "status" breaks
-- hazard: TABLE_REWRITE rewrites table "pages" to convert column "pages"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "pages" to fill column "pages"."is_public"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes

ALTER TABLE "public"."pages" DROP COLUMN "is_public";
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('draft', 'published');
--> statement-breakpoint
ALTER TABLE "public"."pages" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
DROP TYPE "public"."status__previous";
--> statement-breakpoint
ALTER TABLE "public"."pages" ADD COLUMN "is_public" boolean GENERATED ALWAYS AS (status = 'published') STORED NOT NULL;
