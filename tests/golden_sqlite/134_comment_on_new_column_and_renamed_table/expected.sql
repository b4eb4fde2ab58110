-- hazard: BACKWARD_INCOMPATIBLE renames table "notes" to "memos"

ALTER TABLE "notes" RENAME TO "memos";
--> statement-breakpoint
ALTER TABLE "memos" ADD COLUMN "body" TEXT;
