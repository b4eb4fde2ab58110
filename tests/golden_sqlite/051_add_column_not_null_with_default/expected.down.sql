-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."admin"
-- shale:data-loss: drops column "users"."created_at"

ALTER TABLE "users" DROP COLUMN "admin";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "created_at";
