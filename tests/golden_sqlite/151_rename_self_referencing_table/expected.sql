-- hazard: BACKWARD_INCOMPATIBLE renames table "comments" to "replies"
-- hazard: TABLE_REWRITE rebuilds table "replies" (copies every row; drops its triggers)

ALTER TABLE "comments" RENAME TO "replies";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_replies" (
	"id" INTEGER NOT NULL,
	"parent_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "replies_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "replies"("id") ON DELETE CASCADE
);
--> statement-breakpoint
INSERT INTO "__new_replies" ("id", "parent_id") SELECT "id", "parent_id" FROM "replies";
--> statement-breakpoint
DROP TABLE "replies";
--> statement-breakpoint
ALTER TABLE "__new_replies" RENAME TO "replies";
--> statement-breakpoint
PRAGMA foreign_key_check("replies");
