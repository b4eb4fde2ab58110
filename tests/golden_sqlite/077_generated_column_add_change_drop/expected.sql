-- hazard: TABLE_REWRITE rebuilds table "rectangles" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_rectangles" (
	"id" INTEGER NOT NULL,
	"width" INTEGER NOT NULL,
	"height" INTEGER NOT NULL,
	"area" INTEGER NOT NULL GENERATED ALWAYS AS (width * height * 2) STORED,
	"perimeter" INTEGER NOT NULL,
	"landscape" INTEGER NOT NULL GENERATED ALWAYS AS (width > height) STORED,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_rectangles" ("id", "width", "height", "perimeter") SELECT "id", "width", "height", "perimeter" FROM "rectangles";
--> statement-breakpoint
DROP TABLE "rectangles";
--> statement-breakpoint
ALTER TABLE "__new_rectangles" RENAME TO "rectangles";
--> statement-breakpoint
PRAGMA foreign_key_check("rectangles");
