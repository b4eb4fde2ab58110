-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_posts" (
	"id" INTEGER NOT NULL,
	"author_id" INTEGER NOT NULL,
	"score" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_posts" ("id", "author_id", "score") SELECT "id", "author_id", "score" FROM "posts";
--> statement-breakpoint
DROP TABLE "posts";
--> statement-breakpoint
ALTER TABLE "__new_posts" RENAME TO "posts";
--> statement-breakpoint
PRAGMA foreign_key_check("posts");
