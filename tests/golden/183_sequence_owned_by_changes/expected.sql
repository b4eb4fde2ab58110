-- hazard: DELETES_DATA drops column "orders"."legacy"
-- hazard: BACKWARD_INCOMPATIBLE code using column "orders"."legacy" breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "orders" against reads and writes

ALTER SEQUENCE "public"."loose" OWNED BY NONE;
--> statement-breakpoint
ALTER SEQUENCE "public"."order_ids" OWNED BY NONE;
--> statement-breakpoint
ALTER TABLE "public"."orders" DROP COLUMN "legacy";
--> statement-breakpoint
ALTER SEQUENCE "public"."adopted" OWNED BY "public"."orders"."id";
--> statement-breakpoint
ALTER SEQUENCE "public"."order_ids" OWNED BY "public"."orders"."reference";
