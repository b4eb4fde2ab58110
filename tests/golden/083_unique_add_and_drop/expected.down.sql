-- shale:down of 0001_after

ALTER TABLE "public"."handles" DROP CONSTRAINT "handles_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."handles" DROP CONSTRAINT "handles_org_parent_uq";
--> statement-breakpoint
ALTER TABLE "public"."handles" ADD CONSTRAINT "handles_email_key" UNIQUE ("email");
