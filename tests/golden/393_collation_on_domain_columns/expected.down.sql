-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."login"

ALTER TABLE "public"."users" DROP COLUMN "login";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE "public"."email" COLLATE "default";
