-- hazard: CHANGES_ACCESS drops policy "notes_read" on "notes"
-- hazard: CHANGES_ACCESS disables row-level security on "notes": its policies stop applying
-- hazard: CHANGES_ACCESS stops forcing row-level security on "notes": its owner bypasses the policies

DROP POLICY "notes_read" ON "public"."notes";
--> statement-breakpoint
ALTER TABLE "public"."notes" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "public"."notes" NO FORCE ROW LEVEL SECURITY;
