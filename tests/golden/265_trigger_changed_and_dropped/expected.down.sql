-- shale:down of 0001_after

DROP TRIGGER "items_a" ON "public"."items";
--> statement-breakpoint
CREATE TRIGGER "items_a" BEFORE INSERT ON "public"."items" FOR EACH ROW EXECUTE FUNCTION "public"."noop"();
--> statement-breakpoint
CREATE TRIGGER "items_b" AFTER DELETE ON "public"."items" FOR EACH STATEMENT EXECUTE FUNCTION "public"."noop"();
--> statement-breakpoint
COMMENT ON TRIGGER "items_c" ON "public"."items" IS 'old';
