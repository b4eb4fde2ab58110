-- shale:down of 0001_after
-- shale:data-loss: drops column "tags"."id"

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
	"name" TEXT NOT NULL,
	PRIMARY KEY ("name")
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
