-- shale:down of 0001_after

ALTER TABLE "public"."users" DROP CONSTRAINT "users_username_check";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "login" TO "email";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "organisation_id" TO "org_id";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "username" TO "handle";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_organisation_id_fkey" TO "users_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_organisation_id_username_key" TO "users_org_id_handle_key";
--> statement-breakpoint
ALTER INDEX "public"."users_login_idx" RENAME TO "users_email_idx";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_handle_check" CHECK (handle <> '');
