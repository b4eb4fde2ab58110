-- hazard: DELETES_DATA drops column "users"."score"
-- hazard: BACKWARD_INCOMPATIBLE code using column "users"."score" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" DROP COLUMN "score";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "nickname" text;
