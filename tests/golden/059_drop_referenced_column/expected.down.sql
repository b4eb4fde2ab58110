-- shale:down of 0001_after

ALTER TABLE "public"."orgs" ADD COLUMN "code" text NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."orgs" ADD CONSTRAINT "orgs_code_key" UNIQUE ("code");
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_org_code_fkey" FOREIGN KEY ("org_code") REFERENCES "public"."orgs"("code") ON UPDATE CASCADE;
