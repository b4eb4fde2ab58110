-- shale:down of 0001_after
-- shale:data-loss: drops column "rectangles"."perimeter"

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_rectangles" (
	"id" INTEGER NOT NULL,
	"width" INTEGER NOT NULL,
	"height" INTEGER NOT NULL,
	"area" INTEGER NOT NULL GENERATED ALWAYS AS (width * height) STORED,
	"perimeter" INTEGER NOT NULL GENERATED ALWAYS AS (width + width + height + height) STORED,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_rectangles" ("id", "width", "height") SELECT "id", "width", "height" FROM "rectangles";
--> statement-breakpoint
DROP TABLE "rectangles";
--> statement-breakpoint
ALTER TABLE "__new_rectangles" RENAME TO "rectangles";
--> statement-breakpoint
PRAGMA foreign_key_check("rectangles");
