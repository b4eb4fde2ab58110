-- shale:down of 0001_after

DROP VIEW "public"."active_ids";
--> statement-breakpoint
DROP VIEW "public"."active_users";
--> statement-breakpoint
CREATE VIEW "public"."active_users" ("id") AS
SELECT id FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_ids" ("id") AS
SELECT id FROM active_users;
