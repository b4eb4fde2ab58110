-- shale:down of 0001_after

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_owner_org_id_fkey";
