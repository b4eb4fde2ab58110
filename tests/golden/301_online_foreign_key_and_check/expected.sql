-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "posts" against reads and writes

ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_score_positive" CHECK (score >= 0);
--> statement-breakpoint
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE CASCADE;
