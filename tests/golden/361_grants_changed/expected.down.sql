-- shale:down of 0001_after

REVOKE REFERENCES, TRIGGER ON TABLE "public"."accounts" FROM "app_admin";
--> statement-breakpoint
REVOKE UPDATE ON TABLE "public"."accounts" FROM "app_ro";
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "public"."one"() FROM "app_ro";
--> statement-breakpoint
GRANT TRUNCATE ON TABLE "public"."accounts" TO "app_admin";
--> statement-breakpoint
GRANT SELECT, INSERT ON TABLE "public"."accounts" TO "app_rw" WITH GRANT OPTION;
