SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TABLE "teams" ("id" integer);
--> statement-breakpoint
ALTER TABLE "teams" ALTER COLUMN "id" SET DATA TYPE bigint;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "age_v2" bigint;
