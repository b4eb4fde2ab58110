-- shale:down of 0001_after

DROP VIEW "signed_in";
--> statement-breakpoint
CREATE VIEW "active_users" ("id") AS
SELECT id FROM users WHERE active;
