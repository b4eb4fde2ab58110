-- shale:down of 0001_after

COMMENT ON TABLE "public"."customers" IS 'Paying customers.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."customers"."tier" IS 'What they pay for.';
--> statement-breakpoint
COMMENT ON TYPE "public"."tier" IS 'Subscription tiers.';
