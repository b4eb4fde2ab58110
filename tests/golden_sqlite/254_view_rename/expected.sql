DROP VIEW "active_users";
--> statement-breakpoint
CREATE VIEW "signed_in" ("id") AS
SELECT id FROM users WHERE active;
