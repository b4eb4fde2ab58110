-- shale:down of 0001_after

ALTER DOMAIN "public"."label" SET DEFAULT 'none';
--> statement-breakpoint
ALTER DOMAIN "public"."label" DROP NOT NULL;
--> statement-breakpoint
ALTER DOMAIN "public"."score" SET NOT NULL;
--> statement-breakpoint
COMMENT ON DOMAIN "public"."score" IS 'Before.';
