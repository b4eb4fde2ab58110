-- shale:no-transaction
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

-- outside a transaction each statement commits on its own: the scans of
-- VALIDATE CONSTRAINT hold only a SHARE UPDATE EXCLUSIVE lock (writes go on)
SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "public"."members" DROP CONSTRAINT IF EXISTS "members_org_id_shale_not_null";
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_shale_not_null" CHECK ("org_id" IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."members" VALIDATE CONSTRAINT "members_org_id_shale_not_null";
--> statement-breakpoint
-- the validated check "members_org_id_shale_not_null" lets SET NOT NULL skip its scan
ALTER TABLE "public"."members" ALTER COLUMN "org_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."members" DROP CONSTRAINT "members_org_id_shale_not_null";
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_email_key" UNIQUE USING INDEX "members_org_id_email_key";
--> statement-breakpoint
ALTER TABLE "public"."members" DROP CONSTRAINT IF EXISTS "members_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."members" VALIDATE CONSTRAINT "members_org_id_fkey";
