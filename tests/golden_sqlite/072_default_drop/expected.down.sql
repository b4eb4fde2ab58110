-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_settings" (
	"id" INTEGER NOT NULL,
	"theme" TEXT NOT NULL,
	"page_size" INTEGER NOT NULL DEFAULT 10,
	"updated_at" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_settings" ("id", "theme", "page_size", "updated_at") SELECT "id", "theme", "page_size", "updated_at" FROM "settings";
--> statement-breakpoint
DROP TABLE "settings";
--> statement-breakpoint
ALTER TABLE "__new_settings" RENAME TO "settings";
--> statement-breakpoint
PRAGMA foreign_key_check("settings");
