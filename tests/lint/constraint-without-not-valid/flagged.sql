SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id") REFERENCES "users" ("id") ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_age_positive" CHECK ("age" > 0);
--> statement-breakpoint
ALTER TABLE "users" ADD CHECK (length("email") < 320);
