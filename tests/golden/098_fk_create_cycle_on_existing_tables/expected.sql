-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes

ALTER TABLE "public"."orgs" ADD COLUMN "default_project_id" bigint;
--> statement-breakpoint
ALTER TABLE "public"."orgs" ADD CONSTRAINT "orgs_default_project_id_fkey" FOREIGN KEY ("default_project_id") REFERENCES "public"."projects"("id") ON DELETE SET NULL;
