-- hazard: BACKWARD_INCOMPATIBLE drops trigger "items_keep" on "items"
-- hazard: BACKWARD_INCOMPATIBLE drops function "public"."keep"()

DROP TRIGGER "items_keep" ON "public"."items";
--> statement-breakpoint
DROP FUNCTION "public"."keep"();
--> statement-breakpoint
DROP FUNCTION "public"."twice"(integer);
--> statement-breakpoint
CREATE FUNCTION "public"."keep_row"()
 RETURNS trigger
 LANGUAGE plpgsql
AS $shale$BEGIN RETURN NEW; END$shale$;
--> statement-breakpoint
SET LOCAL check_function_bodies = off;
--> statement-breakpoint
CREATE FUNCTION "public"."twice"("n" integer)
 RETURNS bigint
 LANGUAGE sql
AS $shale$SELECT n::bigint * 2$shale$;
--> statement-breakpoint
CREATE TRIGGER "items_keep" BEFORE INSERT ON "public"."items" FOR EACH ROW EXECUTE FUNCTION "public"."keep_row"();
