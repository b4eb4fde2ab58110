-- shale:down of 0001_after
-- shale:data-loss: changes column "items"."code" from bigint to integer, which may lose or refuse values

DROP TRIGGER "items_code" ON "public"."items";
--> statement-breakpoint
ALTER TABLE "public"."items" ALTER COLUMN "code" SET DATA TYPE integer USING "code"::integer;
--> statement-breakpoint
CREATE TRIGGER "items_code" BEFORE UPDATE OF "code" ON "public"."items" FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION "public"."noop"();
