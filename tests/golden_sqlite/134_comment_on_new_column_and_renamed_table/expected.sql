-- hazard: BACKWARD_INCOMPATIBLE renames table "notes" to "memos"
-- hazard: TABLE_REWRITE rebuilds table "memos" (copies every row; drops its triggers)

ALTER TABLE "notes" RENAME TO "memos";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_memos" (
	"id" INTEGER NOT NULL,
	"body" TEXT,
	CONSTRAINT "memos_pkey" PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_memos" ("id") SELECT "id" FROM "memos";
--> statement-breakpoint
DROP TABLE "memos";
--> statement-breakpoint
ALTER TABLE "__new_memos" RENAME TO "memos";
--> statement-breakpoint
PRAGMA foreign_key_check("memos");
