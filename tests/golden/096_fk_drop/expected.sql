-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
