-- shale:down of 0001_after

CREATE SCHEMA "ext";
--> statement-breakpoint
ALTER EXTENSION "hstore" SET SCHEMA "ext";
--> statement-breakpoint
ALTER EXTENSION "pg_trgm" SET SCHEMA "public";
--> statement-breakpoint
DROP SCHEMA "extensions";
