-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."plan"

ALTER TABLE "public"."users" DROP COLUMN "plan";
--> statement-breakpoint
DROP TYPE "public"."plan";
