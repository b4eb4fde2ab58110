-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_issue_labels" (
	"id" INTEGER NOT NULL,
	"issue_id" INTEGER NOT NULL,
	"label_id" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_issue_labels" ("issue_id", "label_id") SELECT "issue_id", "label_id" FROM "issue_labels";
--> statement-breakpoint
DROP TABLE "issue_labels";
--> statement-breakpoint
ALTER TABLE "__new_issue_labels" RENAME TO "issue_labels";
--> statement-breakpoint
PRAGMA foreign_key_check("issue_labels");
