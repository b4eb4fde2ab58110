-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: DELETES_DATA drops column "articles"."published_at"
-- hazard: BACKWARD_INCOMPATIBLE code using column "articles"."published_at" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: DELETES_DATA drops column "articles"."slug"
-- hazard: BACKWARD_INCOMPATIBLE code using column "articles"."slug" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes

DROP INDEX "public"."articles_recent";
--> statement-breakpoint
DROP INDEX "public"."articles_slug_uidx";
--> statement-breakpoint
ALTER TABLE "public"."articles" DROP COLUMN "published_at";
--> statement-breakpoint
ALTER TABLE "public"."articles" DROP COLUMN "slug";
