DROP VIEW "active_users";
--> statement-breakpoint
CREATE VIEW "active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active AND email <> '';
