-- shale:down of 0001_after

DROP FUNCTION "public"."answer"();
--> statement-breakpoint
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION "public"."answer"()
 RETURNS integer
 LANGUAGE sql
AS $shale$SELECT 42$shale$;
--> statement-breakpoint
CREATE OR REPLACE PROCEDURE "public"."tidy"()
 LANGUAGE plpgsql
AS $shale$BEGIN END$shale$;
--> statement-breakpoint
REVOKE EXECUTE ON PROCEDURE "public"."tidy"() FROM "app_rw";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."answer"() TO "app_ro";
