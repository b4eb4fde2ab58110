-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: DELETES_DATA removes value 'review' from enum "status": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'review' to enum "status" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "pages" to convert column "pages"."status" to the new enum
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "pages" against reads and writes
-- hazard: INDEX_BUILD builds index "pages_not_draft" on "pages", blocking writes while it runs

DROP INDEX "public"."pages_not_draft";
--> statement-breakpoint
ALTER TABLE "public"."pages" DROP CONSTRAINT "pages_status_known";
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
--> statement-breakpoint
ALTER TABLE "public"."pages" ADD CONSTRAINT "pages_status_known" CHECK (status IS NOT NULL);
--> statement-breakpoint
CREATE INDEX "pages_not_draft" ON "public"."pages" USING btree ("status") WHERE status <> 'draft';
