-- hazard: INDEX_BUILD rebuilds the indexes of table "users" over column "users"."email" for its new collation
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE "public"."email" COLLATE "C";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "login" "public"."email" COLLATE "POSIX";
