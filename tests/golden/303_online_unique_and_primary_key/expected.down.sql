-- shale:down of 0001_after

ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_pkey";
