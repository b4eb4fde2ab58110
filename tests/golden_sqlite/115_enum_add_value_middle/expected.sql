-- hazard: TABLE_REWRITE rebuilds table "pages" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_pages" (
	"id" INTEGER NOT NULL,
	"status" TEXT NOT NULL DEFAULT 'draft',
	PRIMARY KEY ("id"),
	CONSTRAINT "pages_status_enum" CHECK ("status" IN ('draft', 'review', 'approved', 'published', 'archived'))
);
--> statement-breakpoint
INSERT INTO "__new_pages" ("id", "status") SELECT "id", "status" FROM "pages";
--> statement-breakpoint
DROP TABLE "pages";
--> statement-breakpoint
ALTER TABLE "__new_pages" RENAME TO "pages";
--> statement-breakpoint
PRAGMA foreign_key_check("pages");
