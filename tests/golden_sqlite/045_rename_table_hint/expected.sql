-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members"
-- hazard: TABLE_REWRITE rebuilds table "members" (copies every row; drops its triggers)

ALTER TABLE "users" RENAME TO "members";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_members" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"name" TEXT,
	CONSTRAINT "members_pkey" PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_members" ("id", "email", "name") SELECT "id", "email", "name" FROM "members";
--> statement-breakpoint
DROP TABLE "members";
--> statement-breakpoint
ALTER TABLE "__new_members" RENAME TO "members";
--> statement-breakpoint
PRAGMA foreign_key_check("members");
