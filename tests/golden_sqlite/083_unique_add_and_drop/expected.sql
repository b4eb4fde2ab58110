-- hazard: TABLE_REWRITE rebuilds table "handles" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_handles" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"handle" TEXT NOT NULL,
	"email" TEXT NOT NULL,
	"parent_id" INTEGER,
	PRIMARY KEY ("id"),
	CONSTRAINT "handles_handle_key" UNIQUE ("handle"),
	CONSTRAINT "handles_org_id_handle_key" UNIQUE ("org_id", "handle"),
	CONSTRAINT "handles_org_parent_uq" UNIQUE ("org_id", "parent_id")
);
--> statement-breakpoint
INSERT INTO "__new_handles" ("id", "org_id", "handle", "email", "parent_id") SELECT "id", "org_id", "handle", "email", "parent_id" FROM "handles";
--> statement-breakpoint
DROP TABLE "handles";
--> statement-breakpoint
ALTER TABLE "__new_handles" RENAME TO "handles";
--> statement-breakpoint
PRAGMA foreign_key_check("handles");
