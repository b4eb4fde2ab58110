SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "users" (
  "id" bigint PRIMARY KEY,
  "email" text NOT NULL,,
  "name" text
);
--> statement-breakpoint
CREATE TABLE "teams" ("id" bigint PRIMARY KEY);
ALTER TABLE "teams" ADD COLUMN "name" txt NOT NULL DEFAULT 'x' 'y';
--> statement-breakpoint
ALTER TABLE "teams" ALTER COLUMN "name" DROP NOTHING;
--> statement-breakpoint
SELECT 'unterminated;
