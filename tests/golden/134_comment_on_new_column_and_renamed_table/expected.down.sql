-- shale:down of 0001_after
-- shale:data-loss: drops column "memos"."body"

ALTER TABLE "public"."memos" DROP COLUMN "body";
--> statement-breakpoint
ALTER TABLE "public"."memos" RENAME TO "notes";
--> statement-breakpoint
ALTER TABLE "public"."notes" RENAME CONSTRAINT "memos_pkey" TO "notes_pkey";
--> statement-breakpoint
COMMENT ON TABLE "public"."notes" IS 'Old words.';
