-- hazard: BACKWARD_INCOMPATIBLE domain "label" becomes NOT NULL: fails if a column using it holds NULL

ALTER DOMAIN "public"."label" SET DEFAULT 'unnamed';
--> statement-breakpoint
ALTER DOMAIN "public"."label" SET NOT NULL;
--> statement-breakpoint
ALTER DOMAIN "public"."score" DROP NOT NULL;
--> statement-breakpoint
COMMENT ON DOMAIN "public"."score" IS 'After.';
