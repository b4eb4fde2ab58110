-- shale:down of 0001_after

DROP POLICY "notes_a" ON "public"."notes";
--> statement-breakpoint
DROP POLICY "notes_b" ON "public"."notes";
--> statement-breakpoint
ALTER POLICY "notes_new" ON "public"."notes" RENAME TO "notes_old";
--> statement-breakpoint
CREATE POLICY "notes_a" ON "public"."notes" FOR SELECT TO PUBLIC USING (true);
--> statement-breakpoint
CREATE POLICY "notes_b" ON "public"."notes" TO PUBLIC USING (true);
--> statement-breakpoint
ALTER POLICY "notes_c" ON "public"."notes" TO PUBLIC USING (true) WITH CHECK (true);
