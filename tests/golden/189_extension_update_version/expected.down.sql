-- shale:down of 0001_after

ALTER EXTENSION "citext" UPDATE TO '1.4';
--> statement-breakpoint
ALTER EXTENSION "pg_trgm" UPDATE TO '1.5';
