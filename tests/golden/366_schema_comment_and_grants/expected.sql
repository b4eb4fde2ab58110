-- hazard: BACKWARD_INCOMPATIBLE revokes USAGE on schema "billing" from "app_ro"

COMMENT ON SCHEMA "billing" IS 'Invoices and payments.';
--> statement-breakpoint
COMMENT ON SCHEMA "public" IS 'Everything else.';
--> statement-breakpoint
REVOKE USAGE ON SCHEMA "billing" FROM "app_ro";
--> statement-breakpoint
GRANT USAGE, CREATE ON SCHEMA "billing" TO "app_rw";
--> statement-breakpoint
GRANT CREATE ON SCHEMA "public" TO "app_admin";
