-- shale:down of 0000_after
-- shale:data-loss: drops table "people" and all its rows

DROP TABLE "public"."people";
--> statement-breakpoint
DROP EXTENSION "citext";
--> statement-breakpoint
DROP EXTENSION "pg_trgm";
