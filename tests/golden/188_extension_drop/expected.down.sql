-- shale:down of 0001_after

CREATE EXTENSION "hstore" WITH SCHEMA "public";
--> statement-breakpoint
ALTER TABLE "public"."notes" ADD COLUMN "attrs" hstore NOT NULL;
