-- hazard: BACKWARD_INCOMPATIBLE renames table "notes" to "memos": code using the previous name breaks
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "notes" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "memos" against reads and writes
-- hazard: ACQUIRES_ACCESS_EXCLUSIVE_LOCK locks table "memos" against reads and writes

ALTER TABLE "public"."notes" RENAME TO "memos";
--> statement-breakpoint
ALTER TABLE "public"."memos" RENAME CONSTRAINT "notes_pkey" TO "memos_pkey";
--> statement-breakpoint
ALTER TABLE "public"."memos" ADD COLUMN "body" text;
--> statement-breakpoint
COMMENT ON TABLE "public"."memos" IS 'Short texts pinned to a board.';
--> statement-breakpoint
COMMENT ON COLUMN "public"."memos"."body" IS 'Markdown.';
