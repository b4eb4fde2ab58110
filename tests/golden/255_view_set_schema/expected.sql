-- hazard: BACKWARD_INCOMPATIBLE renames view "active_users" to "reporting"."active_users": code using the previous name breaks

CREATE SCHEMA "reporting";
--> statement-breakpoint
ALTER MATERIALIZED VIEW "public"."active_users" SET SCHEMA "reporting";
