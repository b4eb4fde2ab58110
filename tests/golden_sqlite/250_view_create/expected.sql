CREATE VIEW "active_users" ("id", "email") AS
select id, email
              from users
              where active;
--> statement-breakpoint
CREATE VIEW "active_emails" ("email") AS
SELECT email FROM active_users;
