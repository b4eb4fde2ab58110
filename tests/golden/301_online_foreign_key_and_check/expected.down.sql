-- shale:down of 0001_after

ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_author_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_score_positive";
