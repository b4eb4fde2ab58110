-- shale:down of 0001_after

DROP VIEW "active_emails";
--> statement-breakpoint
DROP VIEW "active_users";
--> statement-breakpoint
CREATE VIEW "active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "active_emails" ("email") AS
SELECT email FROM active_users;
