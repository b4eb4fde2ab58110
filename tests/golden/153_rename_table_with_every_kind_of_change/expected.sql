-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: DELETES_DATA drops column "users"."legacy"
-- hazard: BACKWARD_INCOMPATIBLE code using column "users"."legacy" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames enum "tier" to "plan"
-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames column "members"."age" to "age_years": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "members" to change column "members"."age_years" to integer
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

ALTER TABLE "public"."users" DROP CONSTRAINT "users_org_id_fkey";
--> statement-breakpoint
DROP INDEX "public"."users_email_idx";
--> statement-breakpoint
ALTER TABLE "public"."users" DROP CONSTRAINT "users_age_sane";
--> statement-breakpoint
ALTER TABLE "public"."users" DROP COLUMN "legacy";
--> statement-breakpoint
ALTER TYPE "public"."tier" RENAME TO "plan";
--> statement-breakpoint
ALTER TYPE "public"."plan" ADD VALUE 'enterprise' AFTER 'paid';
--> statement-breakpoint
ALTER TABLE "public"."users" RENAME TO "members";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME COLUMN "age" TO "age_years";
--> statement-breakpoint
ALTER TABLE "public"."members" RENAME CONSTRAINT "users_pkey" TO "members_pkey";
--> statement-breakpoint
ALTER TABLE "public"."members" ALTER COLUMN "age_years" SET DATA TYPE integer USING "age_years"::integer;
--> statement-breakpoint
ALTER TABLE "public"."members" ADD COLUMN "joined_at" timestamptz DEFAULT now() NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "users_age_sane" CHECK (age_years < 150);
--> statement-breakpoint
ALTER TABLE "public"."members" ADD CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE CASCADE;
