-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_events" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL
);
--> statement-breakpoint
INSERT INTO "__new_events" ("id", "name") SELECT "id", "name" FROM "events";
--> statement-breakpoint
DROP TABLE "events";
--> statement-breakpoint
ALTER TABLE "__new_events" RENAME TO "events";
--> statement-breakpoint
PRAGMA foreign_key_check("events");
