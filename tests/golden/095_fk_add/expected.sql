ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_owner_org_id_fkey" FOREIGN KEY ("owner_org_id") REFERENCES "public"."orgs"("id") ON DELETE SET NULL;
