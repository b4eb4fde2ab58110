-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."nickname"

ALTER TABLE "users" DROP COLUMN "nickname";
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "name" TEXT;
