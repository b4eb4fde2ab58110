-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "handles" against reads and writes
-- hazard: INDEX_BUILD builds the index of constraint "handles_org_id_handle_parent_id_key" on "handles"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "handles" against reads and writes

ALTER TABLE "public"."handles" DROP CONSTRAINT "handles_org_id_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."handles" ADD CONSTRAINT "handles_org_id_handle_parent_id_key" UNIQUE NULLS NOT DISTINCT ("org_id", "handle", "parent_id");
