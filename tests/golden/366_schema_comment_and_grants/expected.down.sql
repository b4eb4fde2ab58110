-- shale:down of 0001_after

COMMENT ON SCHEMA "billing" IS 'Billing data.';
--> statement-breakpoint
COMMENT ON SCHEMA "public" IS 'standard public schema';
--> statement-breakpoint
REVOKE USAGE, CREATE ON SCHEMA "billing" FROM "app_rw";
--> statement-breakpoint
REVOKE CREATE ON SCHEMA "public" FROM "app_admin";
--> statement-breakpoint
GRANT USAGE ON SCHEMA "billing" TO "app_ro";
