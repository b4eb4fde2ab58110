-- shale:down of 0001_after

ALTER TABLE "public"."articles" ADD COLUMN "slug" text NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."articles" ADD COLUMN "published_at" timestamptz;
--> statement-breakpoint
CREATE INDEX "articles_recent" ON "public"."articles" USING btree ("published_at" DESC);
--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_uidx" ON "public"."articles" USING btree ("slug");
