-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "users"."email" to "login": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "users"."handle" to "username": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "users"."org_id" to "organisation_id": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

ALTER TABLE "public"."users" DROP CONSTRAINT "users_handle_check";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "email" TO "login";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "handle" TO "username";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME COLUMN "org_id" TO "organisation_id";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_org_id_fkey" TO "users_organisation_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME CONSTRAINT "users_org_id_handle_key" TO "users_organisation_id_username_key";
--> statement-breakpoint
ALTER INDEX "public"."users_email_idx" RENAME TO "users_login_idx";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_username_check" CHECK (username <> '');
