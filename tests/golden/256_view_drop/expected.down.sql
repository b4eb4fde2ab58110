-- shale:down of 0001_after

CREATE VIEW "public"."active_users" ("id") AS
SELECT id FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_count" ("n") AS
SELECT count(*) AS n FROM active_users;
