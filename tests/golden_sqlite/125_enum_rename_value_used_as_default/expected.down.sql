-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_pages" (
	"id" INTEGER NOT NULL,
	"status" TEXT NOT NULL DEFAULT 'draft',
	PRIMARY KEY ("id"),
	CONSTRAINT "pages_status_enum" CHECK ("status" IN ('draft', 'review', 'published'))
);
--> statement-breakpoint
INSERT INTO "__new_pages" ("id", "status") SELECT "id", "status" FROM "pages";
--> statement-breakpoint
DROP TABLE "pages";
--> statement-breakpoint
ALTER TABLE "__new_pages" RENAME TO "pages";
--> statement-breakpoint
PRAGMA foreign_key_check("pages");
