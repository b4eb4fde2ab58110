-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_handles" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"handle" TEXT NOT NULL,
	"email" TEXT NOT NULL,
	"parent_id" INTEGER,
	PRIMARY KEY ("id"),
	CONSTRAINT "handles_email_key" UNIQUE ("email"),
	CONSTRAINT "handles_org_id_handle_key" UNIQUE ("org_id", "handle")
);
--> statement-breakpoint
INSERT INTO "__new_handles" ("id", "org_id", "handle", "email", "parent_id") SELECT "id", "org_id", "handle", "email", "parent_id" FROM "handles";
--> statement-breakpoint
DROP TABLE "handles";
--> statement-breakpoint
ALTER TABLE "__new_handles" RENAME TO "handles";
--> statement-breakpoint
PRAGMA foreign_key_check("handles");
