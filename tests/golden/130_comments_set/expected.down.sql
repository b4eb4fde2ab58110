-- shale:down of 0001_after

COMMENT ON TABLE "public"."customers" IS NULL;
--> statement-breakpoint
COMMENT ON COLUMN "public"."customers"."tier" IS NULL;
--> statement-breakpoint
COMMENT ON TYPE "public"."tier" IS NULL;
