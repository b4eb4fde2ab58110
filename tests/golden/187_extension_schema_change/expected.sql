-- hazard: BACKWARD_INCOMPATIBLE moves extension "hstore" to schema "public": code naming its objects by the previous schema breaks
-- hazard: BACKWARD_INCOMPATIBLE moves extension "pg_trgm" to schema "extensions": code naming its objects by the previous schema breaks

CREATE SCHEMA "extensions";
--> statement-breakpoint
ALTER EXTENSION "hstore" SET SCHEMA "public";
--> statement-breakpoint
ALTER EXTENSION "pg_trgm" SET SCHEMA "extensions";
--> statement-breakpoint
DROP SCHEMA "ext";
