-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes
-- hazard: DELETES_DATA changes column "orgs"."id" from text to uuid, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "orgs"."id" from text to uuid
-- hazard: TABLE_REWRITE rewrites table "orgs" to change column "orgs"."id" to uuid
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orgs" against reads and writes
-- hazard: DELETES_DATA changes column "projects"."org_id" from text to uuid, which may lose or refuse values
-- hazard: BACKWARD_INCOMPATIBLE narrows column "projects"."org_id" from text to uuid
-- hazard: TABLE_REWRITE rewrites table "projects" to change column "projects"."org_id" to uuid
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "projects" against reads and writes

ALTER TABLE "public"."projects" DROP CONSTRAINT "projects_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."orgs" ALTER COLUMN "id" SET DATA TYPE uuid USING "id"::uuid;
--> statement-breakpoint
ALTER TABLE "public"."projects" ALTER COLUMN "org_id" SET DATA TYPE uuid USING "org_id"::uuid;
--> statement-breakpoint
ALTER TABLE "public"."projects" ADD CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE CASCADE;
