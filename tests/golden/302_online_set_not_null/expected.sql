-- hazard: NOT_NULL_WITHOUT_DEFAULT sets column "users"."email" NOT NULL: fails if any row holds NULL
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;
