CREATE OR REPLACE FUNCTION "public"."touch"()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path = ''
AS $shale$BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END$shale$;
--> statement-breakpoint
COMMENT ON FUNCTION "public"."touch"() IS 'Uses the statement''s clock.';
