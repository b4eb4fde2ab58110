DROP VIEW "public"."active_emails";
--> statement-breakpoint
DROP VIEW "public"."active_users";
--> statement-breakpoint
CREATE VIEW "public"."active_users" ("email") AS
SELECT email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_emails" ("email") AS
SELECT email FROM active_users;
