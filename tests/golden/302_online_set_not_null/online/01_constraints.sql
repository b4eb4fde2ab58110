-- shale:no-transaction

-- outside a transaction each statement commits on its own: the scans of
-- VALIDATE CONSTRAINT hold only a SHARE UPDATE EXCLUSIVE lock (writes go on)
SET lock_timeout = '2s';
--> statement-breakpoint
ALTER TABLE "public"."users" DROP CONSTRAINT IF EXISTS "users_email_shale_not_null";
--> statement-breakpoint
ALTER TABLE "public"."users" ADD CONSTRAINT "users_email_shale_not_null" CHECK ("email" IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "public"."users" VALIDATE CONSTRAINT "users_email_shale_not_null";
--> statement-breakpoint
-- the validated check "users_email_shale_not_null" lets SET NOT NULL skip its scan
ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."users" DROP CONSTRAINT "users_email_shale_not_null";
