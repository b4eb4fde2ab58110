-- shale:down of 0001_after
-- shale:data-loss: drops column "orgs"."default_project_id"

ALTER TABLE "public"."orgs" DROP CONSTRAINT "orgs_default_project_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."orgs" DROP COLUMN "default_project_id";
