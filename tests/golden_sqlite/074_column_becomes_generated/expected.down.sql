-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_line_items" (
	"id" INTEGER NOT NULL,
	"quantity" INTEGER NOT NULL,
	"unit_cents" INTEGER NOT NULL,
	"total_cents" INTEGER NOT NULL,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_line_items" ("id", "quantity", "unit_cents", "total_cents") SELECT "id", "quantity", "unit_cents", "total_cents" FROM "line_items";
--> statement-breakpoint
DROP TABLE "line_items";
--> statement-breakpoint
ALTER TABLE "__new_line_items" RENAME TO "line_items";
--> statement-breakpoint
PRAGMA foreign_key_check("line_items");
