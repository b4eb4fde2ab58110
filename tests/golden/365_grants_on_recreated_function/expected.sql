DROP FUNCTION "public"."answer"();
--> statement-breakpoint
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION "public"."answer"()
 RETURNS bigint
 LANGUAGE sql
AS $shale$SELECT 42::bigint$shale$;
--> statement-breakpoint
CREATE OR REPLACE PROCEDURE "public"."tidy"()
 LANGUAGE plpgsql
AS $shale$BEGIN RAISE NOTICE 'tidy'; END$shale$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."answer"() TO "app_ro";
--> statement-breakpoint
GRANT EXECUTE ON PROCEDURE "public"."tidy"() TO "app_rw";
