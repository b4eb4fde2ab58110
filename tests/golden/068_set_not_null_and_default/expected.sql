-- hazard: NOT_NULL_WITHOUT_DEFAULT sets column "users"."name" NOT NULL: fails if any row holds NULL
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" ALTER COLUMN "name" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "name" SET DEFAULT '';
