CREATE OR REPLACE VIEW "public"."active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active AND email <> '';
