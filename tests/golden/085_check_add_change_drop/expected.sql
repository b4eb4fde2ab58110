-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "products" against reads and writes

ALTER TABLE "public"."products" DROP CONSTRAINT "products_price_positive";
--> statement-breakpoint
ALTER TABLE "public"."products" DROP CONSTRAINT "products_stock_check";
--> statement-breakpoint
ALTER TABLE "public"."products" ADD CONSTRAINT "products_price_positive" CHECK (price >= 0);
--> statement-breakpoint
ALTER TABLE "public"."products" ADD CONSTRAINT "products_stock_cap" CHECK (stock < 100000);
