-- Valid PostgreSQL that sqlparser 0.59 cannot parse is not a syntax error.
SET lock_timeout = '5s';
--> statement-breakpoint
CREATE TYPE "mood" AS ENUM ('happy', 'sad');
--> statement-breakpoint
COMMENT ON TYPE "mood" IS 'how someone feels';
--> statement-breakpoint
ALTER TYPE "mood" SET SCHEMA "archive";
--> statement-breakpoint
CREATE SEQUENCE "users_seq" AS integer;
--> statement-breakpoint
ALTER SEQUENCE "users_seq" AS bigint;
--> statement-breakpoint
DO $$ BEGIN RAISE NOTICE 'done; really'; END $$;
--> statement-breakpoint
CREATE TABLE "users" ("id" bigint, "org_id" bigint, CONSTRAINT "users_org_fk" FOREIGN KEY ("org_id") REFERENCES "orgs" ("id") ON DELETE SET NULL ("org_id"));
--> statement-breakpoint
ALTER TABLE "users" SET SCHEMA "archive";
--> statement-breakpoint
ALTER TABLE "archive"."users" ALTER COLUMN "id" DROP IDENTITY IF EXISTS, ALTER COLUMN "id" SET STATISTICS 100;
