-- hazard: DELETES_DATA drops column "users"."name"
-- hazard: BACKWARD_INCOMPATIBLE column "users"."name" disappears

ALTER TABLE "users" DROP COLUMN "name";
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nickname" TEXT;
