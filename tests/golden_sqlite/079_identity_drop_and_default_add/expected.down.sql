-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_jobs" (
	"id" INTEGER NOT NULL,
	"attempt" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_jobs" ("id", "attempt") SELECT "id", "attempt" FROM "jobs";
--> statement-breakpoint
DROP TABLE "jobs";
--> statement-breakpoint
ALTER TABLE "__new_jobs" RENAME TO "jobs";
--> statement-breakpoint
PRAGMA foreign_key_check("jobs");
