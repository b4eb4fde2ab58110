-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "members" against reads and writes

SET LOCAL lock_timeout = '2s';
--> statement-breakpoint
-- shale:allow changing-column-type (binary-compatible: the table is not rewritten)
ALTER TABLE "public"."members" ALTER COLUMN "nickname" SET DATA TYPE text USING "nickname"::text;
