-- hazard: CHANGES_ACCESS changes policy "notes_read" on "notes"
-- hazard: CHANGES_ACCESS changes policy "notes_write" on "notes"

ALTER POLICY "notes_read" ON "public"."notes" TO "pg_read_all_data" USING (owner = current_user OR public);
--> statement-breakpoint
ALTER POLICY "notes_write" ON "public"."notes" TO PUBLIC USING (owner = current_user) WITH CHECK (owner = current_user AND NOT public);
