CREATE VIEW "public"."active_users" ("id", "email") AS
select id, email
              from users
              where active;
--> statement-breakpoint
CREATE VIEW "public"."active_emails" ("email") AS
SELECT email FROM active_users;
--> statement-breakpoint
COMMENT ON VIEW "public"."active_emails" IS 'Emails of the users who can sign in.';
--> statement-breakpoint
COMMENT ON VIEW "public"."active_users" IS 'Users who can sign in.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."active_emails"."email" IS 'Where to write.';
