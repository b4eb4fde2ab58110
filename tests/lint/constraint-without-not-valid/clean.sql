SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id") REFERENCES "users" ("id") NOT VALID;
--> statement-breakpoint
ALTER TABLE "posts" VALIDATE CONSTRAINT "posts_author_fk";
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_age_positive" CHECK ("age" > 0) NOT VALID;
--> statement-breakpoint
CREATE TABLE "comments" ("id" bigint, "post_id" bigint);
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_post_fk" FOREIGN KEY ("post_id") REFERENCES "posts" ("id");
