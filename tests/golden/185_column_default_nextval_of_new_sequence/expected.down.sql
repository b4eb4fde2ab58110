-- shale:down of 0001_after
-- shale:data-loss: drops table "returns" and all its rows
-- shale:data-loss: drops column "orders"."number"
-- shale:data-loss: drops sequence "order_numbers" and its current value

DROP TABLE "public"."returns";
--> statement-breakpoint
ALTER TABLE "public"."orders" DROP COLUMN "number";
--> statement-breakpoint
ALTER TABLE "public"."orders" ALTER COLUMN "id" DROP DEFAULT;
--> statement-breakpoint
DROP SEQUENCE "public"."order_numbers";
