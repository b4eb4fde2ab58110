-- hazard: TABLE_REWRITE rebuilds table "taggings" (copies every row; drops its triggers)
-- hazard: TABLE_REWRITE rebuilds table "tags" (copies every row; drops its triggers)
-- hazard: NOT_NULL_WITHOUT_DEFAULT adds NOT NULL column "tags"."id" without a default: fails if the table has rows

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_taggings" (
	"id" INTEGER NOT NULL,
	"tag" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "taggings_tag_fkey" FOREIGN KEY ("tag") REFERENCES "tags"("name")
);
--> statement-breakpoint
INSERT INTO "__new_taggings" ("id", "tag") SELECT "id", "tag" FROM "taggings";
--> statement-breakpoint
DROP TABLE "taggings";
--> statement-breakpoint
ALTER TABLE "__new_taggings" RENAME TO "taggings";
--> statement-breakpoint
CREATE TABLE "__new_tags" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "tags_name_key" UNIQUE ("name")
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
