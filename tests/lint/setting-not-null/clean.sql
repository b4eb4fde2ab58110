SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_email_not_null" CHECK ("email" IS NOT NULL) NOT VALID;
--> statement-breakpoint
ALTER TABLE "users" VALIDATE CONSTRAINT "users_email_not_null";
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_email_not_null";
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "name" text);
--> statement-breakpoint
ALTER TABLE "teams" ALTER COLUMN "name" SET NOT NULL;
