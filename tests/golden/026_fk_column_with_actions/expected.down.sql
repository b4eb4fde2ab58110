-- shale:down of 0000_after
-- shale:data-loss: drops table "orgs" and all its rows
-- shale:data-loss: drops table "projects" and all its rows

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."orgs";
--> statement-breakpoint
DROP TABLE "public"."projects";
