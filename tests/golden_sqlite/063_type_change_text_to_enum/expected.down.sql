-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_tasks" (
	"id" INTEGER NOT NULL,
	"status" TEXT NOT NULL DEFAULT 'todo',
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_tasks" ("id", "status") SELECT "id", "status" FROM "tasks";
--> statement-breakpoint
DROP TABLE "tasks";
--> statement-breakpoint
ALTER TABLE "__new_tasks" RENAME TO "tasks";
--> statement-breakpoint
PRAGMA foreign_key_check("tasks");
