-- shale:down of 0001_after

CREATE OR REPLACE FUNCTION "public"."touch"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $shale$BEGIN NEW.updated_at := now(); RETURN NEW; END$shale$;
--> statement-breakpoint
COMMENT ON FUNCTION "public"."touch"() IS NULL;
