DROP VIEW "active_emails";
--> statement-breakpoint
DROP VIEW "active_users";
--> statement-breakpoint
CREATE VIEW "active_users" ("email") AS
SELECT email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "active_emails" ("email") AS
SELECT email FROM active_users;
