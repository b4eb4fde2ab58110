-- hazard: CHANGES_ACCESS drops policy "trash_gone" on "trash"
-- hazard: CHANGES_ACCESS drops policy "trash_write" on "trash"
-- hazard: BACKWARD_INCOMPATIBLE drops trigger "accounts_old" on "accounts"
-- hazard: BACKWARD_INCOMPATIBLE moves extension "pg_trgm" to schema "auth": code naming its objects by the previous schema breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "old_logs" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "trash" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "accounts" against reads and writes
-- hazard: DELETES_DATA drops table "junk" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE code using table "junk" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "junk" against reads and writes
-- hazard: DELETES_DATA drops column "accounts"."legacy"
-- hazard: BACKWARD_INCOMPATIBLE code using column "accounts"."legacy" breaks
-- hazard: BACKWARD_INCOMPATIBLE drops function "public"."old_fn"(integer)
-- hazard: BACKWARD_INCOMPATIBLE renames sequence "old_numbers" to "auth"."numbers": code calling nextval on the previous name breaks
-- hazard: BACKWARD_INCOMPATIBLE narrows sequence "counters" to integer: fails if its current value does not fit
-- hazard: BACKWARD_INCOMPATIBLE renames enum "color" to "colour"
-- hazard: BACKWARD_INCOMPATIBLE renames domain "email_old" to "email"
-- hazard: BACKWARD_INCOMPATIBLE renames value 'banned' of enum "status" to 'suspended'
-- hazard: BACKWARD_INCOMPATIBLE domain "email" becomes NOT NULL: fails if a column using it holds NULL
-- hazard: BACKWARD_INCOMPATIBLE adds check "has_at" to domain "email": fails if a column using it holds a value it refuses
-- hazard: BACKWARD_INCOMPATIBLE renames attribute "town" of type "address" to "city"
-- hazard: BACKWARD_INCOMPATIBLE drops attribute "street" of type "address"
-- hazard: BACKWARD_INCOMPATIBLE renames table "archive" to "auth"."archive": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "archive" against reads and writes
-- hazard: BACKWARD_INCOMPATIBLE renames table "old_logs" to "logs": code using the previous name breaks
-- hazard: BACKWARD_INCOMPATIBLE renames column "accounts"."nick" to "handle": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "logs" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "accounts" to change column "accounts"."big" to bigint
-- hazard: TABLE_REWRITE rewrites table "accounts" to change column "accounts"."score" to bigint
-- hazard: DELETES_DATA removes value 'gone' from enum "status": converting a row that holds one fails
-- hazard: BACKWARD_INCOMPATIBLE code writing 'gone' to enum "status" breaks
-- hazard: TABLE_REWRITE rewrites table "accounts" to convert column "accounts"."status" to the new enum
-- hazard: TABLE_REWRITE rewrites table "contacts" to convert column "contacts"."code" to the new domain "code"
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "contacts" against reads and writes
-- hazard: TABLE_REWRITE rewrites table "accounts" to fill column "accounts"."doubled"
-- hazard: TABLE_REWRITE rewrites table "accounts" to fill column "accounts"."shade"
-- hazard: NOT_NULL_WITHOUT_DEFAULT adds NOT NULL column "accounts"."colors" without a default: fails if the table has rows
-- hazard: NOT_NULL_WITHOUT_DEFAULT adds NOT NULL column "logs"."at" without a default: fails if the table has rows
-- hazard: INDEX_BUILD builds the index of constraint "accounts_email_key" on "accounts"
-- hazard: INDEX_BUILD builds index "accounts_plan_idx" on "accounts", blocking writes while it runs
-- hazard: CHANGES_ACCESS changes policy "trash_read" on "trash"
-- hazard: BACKWARD_INCOMPATIBLE drops domain "gone_domain"
-- hazard: BACKWARD_INCOMPATIBLE drops type "gone_type"
-- hazard: BACKWARD_INCOMPATIBLE revokes SELECT on "trash" from "app_ro"
-- hazard: BACKWARD_INCOMPATIBLE revokes DELETE on "trash" from "app_rw"
-- hazard: BACKWARD_INCOMPATIBLE revokes the grant option for INSERT on "trash" from "app_rw"
-- hazard: BACKWARD_INCOMPATIBLE drops enum "legacy"."mood"
-- hazard: DELETES_DATA drops sequence "gone_seq" and its current value
-- hazard: BACKWARD_INCOMPATIBLE code using sequence "gone_seq" breaks
-- hazard: BACKWARD_INCOMPATIBLE drops extension "hstore": code using its types and functions breaks
CREATE SCHEMA "auth";
--> statement-breakpoint
DROP POLICY "trash_gone" ON "public"."trash";
--> statement-breakpoint
DROP POLICY "trash_write" ON "public"."trash";
--> statement-breakpoint
DROP TRIGGER "accounts_old" ON "public"."accounts";
--> statement-breakpoint
CREATE EXTENSION "citext" WITH SCHEMA "public";
--> statement-breakpoint
ALTER EXTENSION "pg_trgm" UPDATE TO '1.6';
--> statement-breakpoint
ALTER EXTENSION "pg_trgm" SET SCHEMA "auth";
--> statement-breakpoint
ALTER SEQUENCE "public"."owned_seq" OWNED BY NONE;
--> statement-breakpoint
ALTER TABLE "public"."old_logs" DROP CONSTRAINT "old_logs_account_id_fkey";
--> statement-breakpoint
ALTER TABLE "public"."trash" DROP CONSTRAINT "trash_account_email_fkey";
--> statement-breakpoint
DROP INDEX "public"."accounts_plan_idx";
--> statement-breakpoint
ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_email_key";
--> statement-breakpoint
ALTER DOMAIN "public"."email_old" DROP CONSTRAINT "has_at";
--> statement-breakpoint
DROP TABLE "public"."junk";
--> statement-breakpoint
ALTER TABLE "public"."accounts" DROP COLUMN "doubled";
--> statement-breakpoint
ALTER TABLE "public"."accounts" DROP COLUMN "legacy";
--> statement-breakpoint
DROP FUNCTION "public"."count_rows"();
--> statement-breakpoint
DROP FUNCTION "public"."old_fn"(integer);
--> statement-breakpoint
ALTER SEQUENCE "public"."old_numbers" SET SCHEMA "auth";
--> statement-breakpoint
ALTER SEQUENCE "auth"."old_numbers" RENAME TO "numbers";
--> statement-breakpoint
CREATE SEQUENCE "public"."fresh" AS smallint INCREMENT BY -1;
--> statement-breakpoint
ALTER SEQUENCE "public"."counters" AS integer INCREMENT BY 5 MAXVALUE 1000000 CACHE 10 CYCLE;
--> statement-breakpoint
ALTER TYPE "public"."color" RENAME TO "colour";
--> statement-breakpoint
ALTER DOMAIN "public"."email_old" RENAME TO "email";
--> statement-breakpoint
CREATE TYPE "auth"."level" AS ENUM ('low', 'high');
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME VALUE 'banned' TO 'suspended';
--> statement-breakpoint
ALTER TYPE "public"."colour" ADD VALUE 'blue' AFTER 'green';
--> statement-breakpoint
CREATE DOMAIN "public"."posint" AS integer CONSTRAINT "posint_check" CHECK (VALUE > 0);
--> statement-breakpoint
ALTER DOMAIN "public"."email" SET DEFAULT 'nobody@example.com';
--> statement-breakpoint
ALTER DOMAIN "public"."email" SET NOT NULL;
--> statement-breakpoint
ALTER DOMAIN "public"."email" ADD CONSTRAINT "has_at" CHECK (VALUE ~ '^[^@]+@[^@]+$');
--> statement-breakpoint
ALTER DOMAIN "public"."email" RENAME CONSTRAINT "old_not_empty" TO "not_empty";
--> statement-breakpoint
CREATE TYPE "public"."pair" AS ("n" "public"."posint", "mail" "public"."email");
--> statement-breakpoint
ALTER TYPE "public"."address" RENAME ATTRIBUTE "town" TO "city";
--> statement-breakpoint
ALTER TYPE "public"."address" DROP ATTRIBUTE "street", ADD ATTRIBUTE "country" text, ALTER ATTRIBUTE "zip" TYPE bigint;
--> statement-breakpoint
CREATE PROCEDURE "auth"."tidy"("days" integer DEFAULT 30)
 LANGUAGE plpgsql
AS $shale$BEGIN END$shale$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."audit"()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
AS $shale$BEGIN RETURN NULL; END$shale$;
--> statement-breakpoint
CREATE FUNCTION "public"."count_rows"()
 RETURNS bigint
 LANGUAGE plpgsql
AS $shale$BEGIN RETURN 1; END$shale$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."touch"()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path = public, pg_temp
AS $shale$BEGIN NEW.at := now(); RETURN NEW; END$shale$;
--> statement-breakpoint
ALTER TABLE "public"."archive" SET SCHEMA "auth";
--> statement-breakpoint
ALTER TABLE "public"."old_logs" RENAME TO "logs";
--> statement-breakpoint
ALTER TABLE "public"."accounts" RENAME COLUMN "nick" TO "handle";
--> statement-breakpoint
ALTER TABLE "public"."accounts" RENAME CONSTRAINT "accounts_score_check" TO "accounts_score_positive";
--> statement-breakpoint
ALTER TABLE "public"."logs" RENAME CONSTRAINT "old_logs_pkey" TO "logs_pkey";
--> statement-breakpoint
ALTER INDEX "public"."accounts_nick_idx" RENAME TO "accounts_handle_idx";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "frozen" DROP EXPRESSION;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "big" SET DATA TYPE bigint USING "big"::bigint;
--> statement-breakpoint
ALTER SEQUENCE "public"."accounts_big_seq" AS bigint;
--> statement-breakpoint
CREATE SEQUENCE "public"."accounts_counter_seq" AS integer OWNED BY "public"."accounts"."counter";
--> statement-breakpoint
SELECT setval('"public"."accounts_counter_seq"', COALESCE(MAX("counter"), 0) + 1, false) FROM "public"."accounts";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "counter" SET DEFAULT nextval('"public"."accounts_counter_seq"'::regclass);
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "ident" SET GENERATED ALWAYS;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "ident" SET INCREMENT BY 10 SET START WITH 100 SET CACHE 20;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "plan" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "plan" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "score" SET DATA TYPE bigint USING "score"::bigint;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "seq" DROP DEFAULT;
--> statement-breakpoint
DROP SEQUENCE "public"."accounts_seq_seq";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "ticket" DROP IDENTITY;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "ticket" DROP NOT NULL;
--> statement-breakpoint
ALTER TYPE "public"."size" RENAME TO "size__previous";
--> statement-breakpoint
CREATE TYPE "public"."size" AS ENUM ('s', 'm', 'l');
--> statement-breakpoint
DROP TYPE "public"."size__previous";
--> statement-breakpoint
ALTER TYPE "public"."status" RENAME TO "status__previous";
--> statement-breakpoint
CREATE TYPE "public"."status" AS ENUM ('active', 'suspended');
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "status" SET DATA TYPE "public"."status" USING "status"::text::"public"."status";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ALTER COLUMN "status" SET DEFAULT 'active';
--> statement-breakpoint
DROP TYPE "public"."status__previous";
--> statement-breakpoint
ALTER DOMAIN "public"."code" RENAME TO "code__previous";
--> statement-breakpoint
CREATE DOMAIN "public"."code" AS varchar(10);
--> statement-breakpoint
ALTER TABLE "public"."contacts" ALTER COLUMN "code" SET DATA TYPE "public"."code" USING "code"::varchar(10);
--> statement-breakpoint
DROP DOMAIN "public"."code__previous";
--> statement-breakpoint
CREATE TABLE "auth"."members" (
	"id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	"account_id" bigint NOT NULL,
	"name" varchar(100) NOT NULL,
	"tags" text[],
	"name_len" integer GENERATED ALWAYS AS (length(name)) STORED NOT NULL,
	"size" "public"."size" DEFAULT 'm' NOT NULL,
	CONSTRAINT "members_pkey" PRIMARY KEY ("id"),
	CONSTRAINT "members_account_id_name_key" UNIQUE ("account_id", "name"),
	CONSTRAINT "members_name_check" CHECK (name <> '')
);
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD COLUMN "doubled" integer GENERATED ALWAYS AS (score * 3) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD COLUMN "added" timestamptz DEFAULT now();
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD COLUMN "shade" integer GENERATED ALWAYS AS IDENTITY (MAXVALUE 1000 START WITH 5 CYCLE) NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD COLUMN "colors" "public"."colour"[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "public"."logs" ADD COLUMN "at" timestamptz NOT NULL;
--> statement-breakpoint
ALTER SEQUENCE "public"."fresh" OWNED BY "public"."accounts"."id";
--> statement-breakpoint
ALTER TABLE "public"."accounts" ADD CONSTRAINT "accounts_email_key" UNIQUE NULLS NOT DISTINCT ("email");
--> statement-breakpoint
ALTER TABLE "public"."logs" ADD CONSTRAINT "logs_at_check" CHECK (at > '2000-01-01');
--> statement-breakpoint
CREATE UNIQUE INDEX "members_lower_name_idx" ON "auth"."members" USING btree ((lower(name)), "account_id" int8_ops DESC NULLS LAST) INCLUDE ("tags") NULLS NOT DISTINCT WHERE account_id > 0;
--> statement-breakpoint
CREATE INDEX "members_tags_idx" ON "auth"."members" USING gin ("tags");
--> statement-breakpoint
CREATE INDEX "accounts_plan_idx" ON "public"."accounts" USING btree ((lower(plan)));
--> statement-breakpoint
ALTER TABLE "auth"."members" ADD CONSTRAINT "members_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id");
--> statement-breakpoint
ALTER TABLE "public"."logs" ADD CONSTRAINT "logs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
ALTER TABLE "public"."trash" ADD CONSTRAINT "trash_account_email_fkey" FOREIGN KEY ("account_email") REFERENCES "public"."accounts"("email");
--> statement-breakpoint
ALTER TABLE "public"."trash" VALIDATE CONSTRAINT "trash_id_positive";
--> statement-breakpoint
ALTER TABLE "public"."trash" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."trash" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER POLICY "trash_old_name" ON "public"."trash" RENAME TO "trash_renamed";
--> statement-breakpoint
CREATE POLICY "trash_new" ON "public"."trash" AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (account_email IS NOT NULL);
--> statement-breakpoint
CREATE POLICY "trash_write" ON "public"."trash" TO PUBLIC USING (true);
--> statement-breakpoint
ALTER POLICY "trash_read" ON "public"."trash" TO PUBLIC USING (id > 1);
--> statement-breakpoint
CREATE TRIGGER "accounts_fresh" BEFORE UPDATE OF "id" ON "public"."accounts" FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION "public"."touch"();
--> statement-breakpoint
COMMENT ON TABLE "auth"."members" IS 'members of an account';
--> statement-breakpoint
COMMENT ON TABLE "public"."accounts" IS 'people''s accounts';
--> statement-breakpoint
COMMENT ON COLUMN "public"."accounts"."status" IS 'where the account stands';
--> statement-breakpoint
COMMENT ON TYPE "public"."colour" IS 'paint';
--> statement-breakpoint
COMMENT ON SEQUENCE "public"."fresh" IS 'counts down';
--> statement-breakpoint
COMMENT ON FUNCTION "public"."touch"() IS 'stamps rows';
--> statement-breakpoint
COMMENT ON TRIGGER "accounts_fresh" ON "public"."accounts" IS 'new one';
--> statement-breakpoint
COMMENT ON DOMAIN "public"."posint" IS 'a positive integer';
--> statement-breakpoint
COMMENT ON TYPE "public"."address" IS 'a postal address';
--> statement-breakpoint
COMMENT ON SCHEMA "public" IS 'the application';
--> statement-breakpoint
COMMENT ON CONSTRAINT "trash_id_positive" ON "public"."trash" IS 'checked';
--> statement-breakpoint
COMMENT ON INDEX "public"."accounts_handle_idx" IS 'by handle';
--> statement-breakpoint
DROP DOMAIN "public"."gone_domain";
--> statement-breakpoint
DROP TYPE "public"."gone_type";
--> statement-breakpoint
REVOKE SELECT ON TABLE "public"."trash" FROM "app_ro";
--> statement-breakpoint
REVOKE DELETE ON TABLE "public"."trash" FROM "app_rw";
--> statement-breakpoint
REVOKE GRANT OPTION FOR INSERT ON TABLE "public"."trash" FROM "app_rw";
--> statement-breakpoint
GRANT UPDATE ON TABLE "public"."trash" TO "app_rw";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."trash" TO PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "public" TO "app_ro";
--> statement-breakpoint
DROP TYPE "legacy"."mood";
--> statement-breakpoint
DROP SEQUENCE "public"."gone_seq";
--> statement-breakpoint
DROP EXTENSION "hstore";
--> statement-breakpoint
DROP SCHEMA "legacy";
--> statement-breakpoint
