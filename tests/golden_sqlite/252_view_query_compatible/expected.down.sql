-- shale:down of 0001_after

DROP VIEW "active_ids";
--> statement-breakpoint
DROP VIEW "active_users";
--> statement-breakpoint
CREATE VIEW "active_users" ("id") AS
SELECT id FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "active_ids" ("id") AS
SELECT id FROM active_users;
