-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: NOT_NULL_WITHOUT_DEFAULT sets column "members"."org_id" NOT NULL: fails if any row holds NULL
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "members_org_id_email_key" on "members"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: INDEX_BUILD builds index "members_nickname_idx" on "members", blocking writes while it runs

DROP INDEX "public"."members_email_old";
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "nickname" SET DATA TYPE text USING "nickname"::text;
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "org_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_email_key" UNIQUE ("org_id", "email");
--> statement-breakpoint
CREATE INDEX "members_nickname_idx" ON "public"."members" USING btree ("nickname");
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id");
