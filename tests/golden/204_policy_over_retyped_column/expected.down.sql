-- shale:down of 0001_after
-- shale:data-loss: changes column "notes"."level" from bigint to integer, which may lose or refuse values

DROP POLICY "notes_by_level" ON "public"."notes";
--> statement-breakpoint
ALTER TABLE "public"."notes" ALTER COLUMN "level" SET DATA TYPE integer USING "level"::integer;
--> statement-breakpoint
CREATE POLICY "notes_by_level" ON "public"."notes" TO PUBLIC USING (level > 2);
