SET lock_timeout = '5s';
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "org_id" bigint NOT NULL;
--> statement-breakpoint
ALTER TABLE users
  ADD COLUMN nickname text,
  ADD COLUMN code text PRIMARY KEY;
