-- shale:down of 0001_after

ALTER POLICY "notes_read" ON "public"."notes" TO PUBLIC USING (owner = current_user);
--> statement-breakpoint
ALTER POLICY "notes_write" ON "public"."notes" TO PUBLIC USING (owner = current_user) WITH CHECK (owner = current_user);
