-- hazard: TABLE_REWRITE rewrites table "notes" to change column "notes"."level" to bigint
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "notes" against reads and writes

DROP POLICY "notes_by_level" ON "public"."notes";
--> statement-breakpoint
ALTER TABLE "public"."notes" ALTER COLUMN "level" SET DATA TYPE bigint USING "level"::bigint;
--> statement-breakpoint
CREATE POLICY "notes_by_level" ON "public"."notes" TO PUBLIC USING (level > 2);
