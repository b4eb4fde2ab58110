-- hazard: BACKWARD_INCOMPATIBLE drops trigger "items_b" on "items"

DROP TRIGGER "items_a" ON "public"."items";
--> statement-breakpoint
DROP TRIGGER "items_b" ON "public"."items";
--> statement-breakpoint
CREATE TRIGGER "items_a" BEFORE INSERT OR UPDATE OF "name" ON "public"."items" FOR EACH ROW EXECUTE FUNCTION "public"."noop"();
--> statement-breakpoint
COMMENT ON TRIGGER "items_c" ON "public"."items" IS 'new';
