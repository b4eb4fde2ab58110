-- shale:down of 0001_after

DROP VIEW "public"."active_emails";
--> statement-breakpoint
DROP VIEW "public"."active_users";
--> statement-breakpoint
CREATE VIEW "public"."active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_emails" ("email") AS
SELECT email FROM active_users;
