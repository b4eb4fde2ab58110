-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes

DROP INDEX "public"."articles_recent";
--> statement-breakpoint
DROP INDEX "public"."articles_slug_uidx";
