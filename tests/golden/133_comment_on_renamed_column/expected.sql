-- hazard: BACKWARD_INCOMPATIBLE renames column "customers"."tier" to "plan": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "customers" against reads and writes

ALTER TABLE "public"."customers" RENAME COLUMN "tier" TO "plan";
--> statement-breakpoint
COMMENT ON COLUMN "public"."customers"."plan" IS 'Their subscription tier.';
