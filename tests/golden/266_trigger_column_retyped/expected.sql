-- hazard: TABLE_REWRITE rewrites table "items" to change column "items"."code" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "items" against reads and writes

DROP TRIGGER "items_code" ON "public"."items";
--> statement-breakpoint
ALTER TABLE "public"."items" ALTER COLUMN "code" SET DATA TYPE bigint USING "code"::bigint;
--> statement-breakpoint
CREATE TRIGGER "items_code" BEFORE UPDATE OF "code" ON "public"."items" FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION "public"."noop"();
