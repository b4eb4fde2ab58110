-- hazard: BACKWARD_INCOMPATIBLE revokes SELECT on "order_ids" from "app_ro"
-- hazard: BACKWARD_INCOMPATIBLE revokes SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on "orders" from "app_rw"
-- hazard: BACKWARD_INCOMPATIBLE revokes SELECT on "orders" from PUBLIC
-- hazard: BACKWARD_INCOMPATIBLE revokes USAGE on "counter" from "app_rw"

REVOKE SELECT ON TABLE "public"."order_ids" FROM "app_ro";
--> statement-breakpoint
REVOKE SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."orders" FROM "app_rw";
--> statement-breakpoint
REVOKE SELECT ON TABLE "public"."orders" FROM PUBLIC;
--> statement-breakpoint
REVOKE USAGE ON SEQUENCE "public"."counter" FROM "app_rw";
