-- shale:down of 0001_after

DROP TRIGGER "items_keep" ON "public"."items";
--> statement-breakpoint
DROP FUNCTION "public"."keep_row"();
--> statement-breakpoint
DROP FUNCTION "public"."twice"(integer);
--> statement-breakpoint
CREATE FUNCTION "public"."keep"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $shale$BEGIN RETURN NEW; END$shale$;
--> statement-breakpoint
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION "public"."twice"("a" integer)
 RETURNS integer
 LANGUAGE sql
AS $shale$SELECT a * 2$shale$;
--> statement-breakpoint
CREATE TRIGGER "items_keep" BEFORE INSERT ON "public"."items" FOR EACH ROW EXECUTE FUNCTION "public"."keep"();
