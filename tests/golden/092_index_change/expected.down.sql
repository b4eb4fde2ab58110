-- shale:down of 0001_after

DROP INDEX "public"."articles_author_id_idx";
--> statement-breakpoint
DROP INDEX "public"."articles_recent";
--> statement-breakpoint
DROP INDEX "public"."articles_slug_uidx";
--> statement-breakpoint
CREATE INDEX "articles_author_id_idx" ON "public"."articles" USING btree ("author_id");
--> statement-breakpoint
CREATE INDEX "articles_recent" ON "public"."articles" USING btree ("published_at" DESC);
--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_uidx" ON "public"."articles" USING btree ("slug");
