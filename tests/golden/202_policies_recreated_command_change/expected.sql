-- hazard: CHANGES_ACCESS drops policy "notes_a" on "notes"
-- hazard: CHANGES_ACCESS drops policy "notes_b" on "notes"
-- hazard: CHANGES_ACCESS drops policy "notes_c" on "notes"

DROP POLICY "notes_a" ON "public"."notes";
--> statement-breakpoint
DROP POLICY "notes_b" ON "public"."notes";
--> statement-breakpoint
DROP POLICY "notes_c" ON "public"."notes";
--> statement-breakpoint
ALTER POLICY "notes_old" ON "public"."notes" RENAME TO "notes_new";
--> statement-breakpoint
CREATE POLICY "notes_a" ON "public"."notes" TO PUBLIC USING (true);
--> statement-breakpoint
CREATE POLICY "notes_b" ON "public"."notes" AS RESTRICTIVE TO PUBLIC USING (true);
--> statement-breakpoint
CREATE POLICY "notes_c" ON "public"."notes" FOR UPDATE TO PUBLIC USING (true);
