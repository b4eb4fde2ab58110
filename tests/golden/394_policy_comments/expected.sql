-- hazard: CHANGES_ACCESS drops policy "owner_writes" on "notes"
-- hazard: CHANGES_ACCESS changes policy "owner_reads" on "notes"

DROP POLICY "owner_writes" ON "public"."notes";
--> statement-breakpoint
CREATE TABLE "public"."tags" (
	"id" bigint NOT NULL,
	CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
ALTER TABLE "public"."tags" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "owner_writes" ON "public"."notes" TO PUBLIC USING (owner = current_user) WITH CHECK (owner = current_user);
--> statement-breakpoint
CREATE POLICY "everyone_reads" ON "public"."tags" FOR SELECT TO PUBLIC USING (true);
--> statement-breakpoint
ALTER POLICY "owner_reads" ON "public"."notes" TO PUBLIC USING (owner = session_user);
--> statement-breakpoint
COMMENT ON POLICY "nobody_deletes" ON "public"."notes" IS 'notes are kept';
--> statement-breakpoint
COMMENT ON POLICY "owner_reads" ON "public"."notes" IS 'owners read their notes';
--> statement-breakpoint
COMMENT ON POLICY "owner_writes" ON "public"."notes" IS 'owners write';
--> statement-breakpoint
COMMENT ON POLICY "everyone_reads" ON "public"."tags" IS 'tags are public';
