COMMENT ON TABLE "public"."customers" IS 'Customers who pay, or did.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."customers"."tier" IS 'The customer''s tier (''basic'' by default).';
--> statement-breakpoint
COMMENT ON TYPE "public"."tier" IS 'Subscription tiers, cheapest first.';
