-- hazard: DELETES_DATA drops column "users"."score"
-- hazard: BACKWARD_INCOMPATIBLE column "users"."score" disappears

ALTER TABLE "users" DROP COLUMN "score";
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" TEXT;
