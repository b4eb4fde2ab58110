-- shale:down of 0001_after

CREATE INDEX "articles_recent" ON "public"."articles" USING btree ("published_at" DESC);
--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_uidx" ON "public"."articles" USING btree ("slug");
