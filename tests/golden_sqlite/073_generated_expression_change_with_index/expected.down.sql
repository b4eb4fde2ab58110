-- shale:down of 0001_after

DROP INDEX "rectangles_area_idx";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_rectangles" (
	"id" INTEGER NOT NULL,
	"width" INTEGER NOT NULL,
	"height" INTEGER NOT NULL,
	"area" INTEGER NOT NULL GENERATED ALWAYS AS (width * height) STORED,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_rectangles" ("id", "width", "height") SELECT "id", "width", "height" FROM "rectangles";
--> statement-breakpoint
DROP TABLE "rectangles";
--> statement-breakpoint
ALTER TABLE "__new_rectangles" RENAME TO "rectangles";
--> statement-breakpoint
CREATE INDEX "rectangles_area_idx" ON "rectangles" ("area");
--> statement-breakpoint
PRAGMA foreign_key_check("rectangles");
