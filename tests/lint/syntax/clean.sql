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
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now(); -- a ; inside the body
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "users_touch" BEFORE UPDATE ON "archive"."users" FOR EACH ROW EXECUTE FUNCTION "touch"();
--> statement-breakpoint
CREATE FUNCTION "add"(a integer, b integer) RETURNS integer LANGUAGE sql
BEGIN ATOMIC
  SELECT a + b;
END;
--> statement-breakpoint
CREATE VIEW "active_users" AS SELECT * FROM "archive"."users" WHERE "id" > 0;
--> statement-breakpoint
GRANT SELECT ON "active_users" TO PUBLIC;
--> statement-breakpoint
CREATE MATERIALIZED VIEW "user_counts" AS SELECT count(*) AS n FROM "archive"."users";
--> statement-breakpoint
REFRESH MATERIALIZED VIEW CONCURRENTLY "user_counts";
--> statement-breakpoint
ALTER TABLE "archive"."users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "own_rows" ON "archive"."users" USING ("id" = current_setting('app.user_id')::bigint);
--> statement-breakpoint
INSERT INTO "archive"."users" ("id") VALUES (1) ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
CREATE TYPE "pair" AS ("a" integer, "b" text);
--> statement-breakpoint
CREATE DOMAIN "email" AS text CHECK (VALUE LIKE '%@%');
