-- shale:down of 0001_after

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."orgs" ALTER COLUMN "id" SET DATA TYPE text USING "id"::text;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "org_id" SET DATA TYPE text USING "org_id"::text;
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE CASCADE;
