-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE CASCADE ON UPDATE RESTRICT;
