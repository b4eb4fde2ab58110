-- shale:down of 0001_after
-- shale:data-loss: drops table "tags" and all its rows

DROP POLICY "owner_writes" ON "public"."notes";
--> statement-breakpoint
DROP TABLE "public"."tags";
--> statement-breakpoint
CREATE POLICY "owner_writes" ON "public"."notes" FOR INSERT TO PUBLIC WITH CHECK (owner = current_user);
--> statement-breakpoint
ALTER POLICY "owner_reads" ON "public"."notes" TO PUBLIC USING (owner = current_user);
--> statement-breakpoint
COMMENT ON POLICY "nobody_deletes" ON "public"."notes" IS NULL;
--> statement-breakpoint
COMMENT ON POLICY "owner_reads" ON "public"."notes" IS 'owners read';
--> statement-breakpoint
COMMENT ON POLICY "owner_writes" ON "public"."notes" IS 'owners write';
