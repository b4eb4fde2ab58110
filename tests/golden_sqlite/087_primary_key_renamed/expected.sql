-- hazard: TABLE_REWRITE rebuilds table "tags" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_tags" (
	"name" TEXT NOT NULL,
	CONSTRAINT "tags_name_pk" PRIMARY KEY ("name")
);
--> statement-breakpoint
INSERT INTO "__new_tags" ("name") SELECT "name" FROM "tags";
--> statement-breakpoint
DROP TABLE "tags";
--> statement-breakpoint
ALTER TABLE "__new_tags" RENAME TO "tags";
--> statement-breakpoint
PRAGMA foreign_key_check("taggings");
--> statement-breakpoint
PRAGMA foreign_key_check("tags");
