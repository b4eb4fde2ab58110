-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "articles" against reads and writes
-- hazard: INDEX_BUILD builds index "articles_author_id_idx" on "articles", blocking writes while it runs
-- hazard: INDEX_BUILD builds index "articles_recent" on "articles", blocking writes while it runs
-- hazard: INDEX_BUILD builds index "articles_slug_uidx" on "articles", blocking writes while it runs

DROP INDEX "public"."articles_author_id_idx";
--> statement-breakpoint
DROP INDEX "public"."articles_recent";
--> statement-breakpoint
DROP INDEX "public"."articles_slug_uidx";
--> statement-breakpoint
CREATE INDEX "articles_author_id_idx" ON "public"."articles" USING btree ("author_id") INCLUDE ("title");
--> statement-breakpoint
CREATE INDEX "articles_recent" ON "public"."articles" USING btree ("published_at" NULLS FIRST) WHERE author_id > 0;
--> statement-breakpoint
CREATE INDEX "articles_slug_uidx" ON "public"."articles" USING btree ("slug");
