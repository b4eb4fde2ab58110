-- shale:down of 0001_after

ALTER TABLE "public"."notes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "notes_read" ON "public"."notes" FOR SELECT TO PUBLIC USING (true);
