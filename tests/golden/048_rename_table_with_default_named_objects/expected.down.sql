-- shale:down of 0001_after

ALTER TABLE "public"."members" RENAME TO "users";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_handle_check" TO "users_handle_check";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_org_id_fkey" TO "users_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_org_id_handle_key" TO "users_org_id_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "members_pkey" TO "users_pkey";
--> statement-breakpoint
ALTER INDEX "public"."members_email_idx" RENAME TO "users_email_idx";
