-- shale:down of 0001_after

CREATE OR REPLACE VIEW "public"."active_users" ("id", "email", "active") WITH (security_invoker = true) AS
SELECT id, email, active FROM users WHERE active
WITH LOCAL CHECK OPTION;
--> statement-breakpoint
CREATE OR REPLACE VIEW "public"."ids" ("id") WITH (security_barrier = true) AS
SELECT id FROM users;
