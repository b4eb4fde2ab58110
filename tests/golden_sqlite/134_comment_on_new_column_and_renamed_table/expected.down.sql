-- shale:down of 0001_after
-- shale:data-loss: drops column "memos"."body"

ALTER TABLE "memos" DROP COLUMN "body";
--> statement-breakpoint
ALTER TABLE "memos" RENAME TO "notes";
