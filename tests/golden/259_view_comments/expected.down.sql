-- shale:down of 0001_after

COMMENT ON VIEW "public"."active_users" IS 'Users who can sign in.';
--> statement-breakpoint
COMMENT ON MATERIALIZED VIEW "public"."all_ids" IS 'Stored.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."active_users"."email" IS NULL;
--> statement-breakpoint
COMMENT ON COLUMN "public"."active_users"."id" IS 'The key.';
