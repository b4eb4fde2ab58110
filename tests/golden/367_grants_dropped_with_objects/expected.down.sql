-- shale:down of 0001_after

CREATE SCHEMA "app";
--> statement-breakpoint
CREATE SEQUENCE "app"."tickets" AS bigint;
--> statement-breakpoint
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION "app"."next_ticket"()
 RETURNS bigint
 LANGUAGE sql
AS $shale$SELECT nextval('app.tickets')$shale$;
--> statement-breakpoint
CREATE TABLE "app"."accounts" (
	"id" bigint NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "public"."notices" (
	"id" integer NOT NULL,
	CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE VIEW "app"."emails" ("id", "email") AS
SELECT id, email FROM app.accounts;
--> statement-breakpoint
COMMENT ON SCHEMA "app" IS 'The application''s own schema.';
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "app"."accounts" TO "app_admin" WITH GRANT OPTION;
--> statement-breakpoint
GRANT SELECT ON TABLE "app"."accounts" TO "app_ro";
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "app"."accounts" TO "app_rw";
--> statement-breakpoint
GRANT SELECT ON TABLE "app"."emails" TO "app_ro";
--> statement-breakpoint
GRANT SELECT ON TABLE "app"."emails" TO "app_rw";
--> statement-breakpoint
GRANT SELECT ON TABLE "public"."notices" TO PUBLIC;
--> statement-breakpoint
GRANT SELECT, USAGE ON SEQUENCE "app"."tickets" TO "app_rw";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "app"."next_ticket"() TO "app_rw";
--> statement-breakpoint
GRANT USAGE, CREATE ON SCHEMA "app" TO "app_admin" WITH GRANT OPTION;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "app" TO "app_ro";
