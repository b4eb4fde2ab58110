-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "users" against reads and writes

DROP VIEW "public"."active_emails";
--> statement-breakpoint
DROP VIEW "public"."active_users";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE text USING "email"::text;
--> statement-breakpoint
CREATE VIEW "public"."active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_emails" ("email") AS
SELECT email FROM active_users;
