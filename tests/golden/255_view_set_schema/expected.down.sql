-- shale:down of 0001_after

ALTER MATERIALIZED VIEW "reporting"."active_users" SET SCHEMA "public";
--> statement-breakpoint
DROP SCHEMA "reporting";
