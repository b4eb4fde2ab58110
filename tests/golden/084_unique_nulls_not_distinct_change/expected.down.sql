-- shale:down of 0001_after

ALTER TABLE "public"."handles" DROP CONSTRAINT "handles_org_id_handle_parent_id_key";
--> statement-breakpoint
ALTER TABLE "public"."handles" ADD CONSTRAINT "handles_org_id_handle_key" UNIQUE ("org_id", "handle");
