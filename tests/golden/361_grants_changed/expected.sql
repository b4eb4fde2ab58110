-- hazard: BACKWARD_INCOMPATIBLE revokes TRUNCATE on "accounts" from "app_admin"
-- hazard: BACKWARD_INCOMPATIBLE revokes the grant option for SELECT, INSERT on "accounts" from "app_rw"

REVOKE TRUNCATE ON TABLE "public"."accounts" FROM "app_admin";
--> statement-breakpoint
REVOKE GRANT OPTION FOR SELECT, INSERT ON TABLE "public"."accounts" FROM "app_rw";
--> statement-breakpoint
GRANT REFERENCES, TRIGGER ON TABLE "public"."accounts" TO "app_admin" WITH GRANT OPTION;
--> statement-breakpoint
GRANT UPDATE ON TABLE "public"."accounts" TO "app_ro";
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION "public"."one"() TO "app_ro" WITH GRANT OPTION;
