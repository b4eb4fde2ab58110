-- shale:down of 0001_after

DROP INDEX "public"."articles_published_by_author";
--> statement-breakpoint
DROP INDEX "public"."articles_tags_idx";
--> statement-breakpoint
DROP INDEX "public"."articles_title_lower";
