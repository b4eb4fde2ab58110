-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes
-- hazard: DELETES_DATA drops table "orgs" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "orgs" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes
-- hazard: DELETES_DATA drops column "projects"."org_id"
-- hazard: BACKWARD_INCOMPATIBLE code using column "projects"."org_id" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
--> statement-breakpoint
DROP TABLE "public"."orgs";
--> statement-breakpoint
ALTER TABLE "public"."projects" DROP COLUMN "org_id";
