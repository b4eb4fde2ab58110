-- shale:down of 0001_after

ALTER TABLE "public"."customers" RENAME COLUMN "plan" TO "tier";
--> statement-breakpoint
COMMENT ON COLUMN "public"."customers"."tier" IS 'What they pay for.';
