-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

ALTER TABLE "public"."users" RENAME TO "members";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_handle_check" TO "members_handle_check";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_org_id_fkey" TO "members_org_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_org_id_handle_key" TO "members_org_id_handle_key";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";
--> statement-breakpoint
ALTER INDEX "public"."users_email_idx" RENAME TO "members_email_idx";
