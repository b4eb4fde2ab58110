-- shale:down of 0001_after

ALTER TABLE "public"."products" DROP CONSTRAINT "products_price_positive";
--> statement-breakpoint
ALTER TABLE "public"."products" DROP CONSTRAINT "products_stock_cap";
--> statement-breakpoint
ALTER TABLE "public"."products" ADD CONSTRAINT "products_price_positive" CHECK (price > 0);
--> statement-breakpoint
ALTER TABLE "public"."products" ADD CONSTRAINT "products_stock_check" CHECK (stock >= 0);
