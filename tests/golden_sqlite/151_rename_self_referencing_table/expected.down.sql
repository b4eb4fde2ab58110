-- shale:down of 0001_after

ALTER TABLE "replies" RENAME TO "comments";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_comments" (
	"id" INTEGER NOT NULL,
	"parent_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE
);
--> statement-breakpoint
INSERT INTO "__new_comments" ("id", "parent_id") SELECT "id", "parent_id" FROM "comments";
--> statement-breakpoint
DROP TABLE "comments";
--> statement-breakpoint
ALTER TABLE "__new_comments" RENAME TO "comments";
--> statement-breakpoint
PRAGMA foreign_key_check("comments");
