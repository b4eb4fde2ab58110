-- shale:down of 0001_after

CREATE VIEW "active_users" ("id") AS
SELECT id FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "active_count" ("n") AS
SELECT count(*) AS n FROM active_users;
