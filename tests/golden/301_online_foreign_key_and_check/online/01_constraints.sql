-- shale:no-transaction

-- outside a transaction each statement commits on its own: the scans of
-- VALIDATE CONSTRAINT hold only a SHARE UPDATE EXCLUSIVE lock (writes go on)
SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "public"."posts" DROP CONSTRAINT IF EXISTS "posts_score_positive";
--> statement-breakpoint
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_score_positive" CHECK (score >= 0) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_score_positive";
--> statement-breakpoint
ALTER TABLE "public"."posts" DROP CONSTRAINT IF EXISTS "posts_author_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE CASCADE NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_author_id_fkey";
