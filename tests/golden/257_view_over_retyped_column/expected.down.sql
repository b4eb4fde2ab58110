-- shale:down of 0001_after
-- shale:data-loss: changes column "users"."email" from text to varchar(100), which may lose or refuse values

DROP VIEW "public"."active_emails";
--> statement-breakpoint
DROP VIEW "public"."active_users";
--> statement-breakpoint
ALTER TABLE "public"."users" ALTER COLUMN "email" SET DATA TYPE varchar(100) USING "email"::varchar(100);
--> statement-breakpoint
CREATE VIEW "public"."active_users" ("id", "email") AS
SELECT id, email FROM users WHERE active;
--> statement-breakpoint
CREATE VIEW "public"."active_emails" ("email") AS
SELECT email FROM active_users;
