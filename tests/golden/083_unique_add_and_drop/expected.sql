-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "handles" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "handles_handle_key" on "handles"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "handles" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "handles_org_parent_uq" on "handles"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "handles" against reads and writes

ALTER TABLE "public"."handles" DROP CONSTRAINT "handles_email_key";
--> statement-breakpoint
ALTER TABLE "public"."handles" ADD CONSTRAINT "handles_handle_key" UNIQUE ("handle");
--> statement-breakpoint
ALTER TABLE "public"."handles" ADD CONSTRAINT "handles_org_parent_uq" UNIQUE ("org_id", "parent_id");
