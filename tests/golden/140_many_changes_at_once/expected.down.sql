-- shale:down of 0001_after
-- shale:data-loss: drops table "memberships" and all its rows
-- shale:data-loss: drops column "users"."org_id"

ALTER TABLE "public"."users" DROP CONSTRAINT "users_org_id_fkey";
--> statement-breakpoint
DROP INDEX "public"."users_org_id_idx";
--> statement-breakpoint
DROP TABLE "public"."memberships";
--> statement-breakpoint
ALTER TABLE "public"."users" DROP COLUMN "org_id";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD COLUMN "name" text;
--> statement-breakpoint
DROP TYPE "public"."role";
