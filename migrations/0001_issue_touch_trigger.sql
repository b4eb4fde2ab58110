CREATE FUNCTION "public"."touch_updated_at"()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path = pg_catalog, pg_temp
AS $shale$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$shale$;
--> statement-breakpoint
CREATE TRIGGER "issues_touch_updated_at" BEFORE UPDATE OF "title", "body", "state", "priority", "assignee_id" ON "public"."issues" FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION "public"."touch_updated_at"();
--> statement-breakpoint
COMMENT ON FUNCTION "public"."touch_updated_at"() IS 'Sets `updated_at` to the time of the change: the trigger function of every
table with an `updated_at` column.';
