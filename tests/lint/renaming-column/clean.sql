SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint, "title" text);
--> statement-breakpoint
ALTER TABLE "teams" RENAME COLUMN "title" TO "name";
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "handle" text;
