-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes
-- hazard: DELETES_DATA drops column "orgs"."code"
-- hazard: BACKWARD_INCOMPATIBLE code using column "orgs"."code" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_code_fkey";
--> statement-breakpoint
ALTER TABLE "public"."orgs" DROP CONSTRAINT "orgs_code_key";
--> statement-breakpoint
ALTER TABLE "public"."orgs" DROP COLUMN "code";
