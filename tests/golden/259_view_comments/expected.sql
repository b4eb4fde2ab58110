COMMENT ON VIEW "public"."active_users" IS 'Users who may sign in today.';
--> statement-breakpoint
COMMENT ON MATERIALIZED VIEW "public"."all_ids" IS NULL;
--> statement-breakpoint
COMMENT ON COLUMN "public"."active_users"."email" IS 'Where to write.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."active_users"."id" IS NULL;
