-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."nickname"

ALTER TABLE "public"."users" DROP COLUMN "nickname";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "score" integer NOT NULL;
