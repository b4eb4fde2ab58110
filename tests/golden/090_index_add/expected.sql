-- hazard: INDEX_BUILD builds index "articles_published_by_author" on "articles", blocking writes while it runs
-- hazard: INDEX_BUILD builds index "articles_tags_idx" on "articles", blocking writes while it runs
-- hazard: INDEX_BUILD builds index "articles_title_lower" on "articles", blocking writes while it runs

CREATE INDEX "articles_published_by_author" ON "public"."articles" USING btree ("author_id", "published_at") WHERE published_at IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "articles_tags_idx" ON "public"."articles" USING gin ("tags");
--> statement-breakpoint
CREATE INDEX "articles_title_lower" ON "public"."articles" USING btree ((lower(title)));
