-- shale:down of 0001_after

DROP INDEX "members_nickname_idx";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_members" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER,
	"email" TEXT NOT NULL,
	"nickname" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_members" ("id", "org_id", "email", "nickname") SELECT "id", "org_id", "email", "nickname" FROM "members";
--> statement-breakpoint
DROP TABLE "members";
--> statement-breakpoint
ALTER TABLE "__new_members" RENAME TO "members";
--> statement-breakpoint
CREATE INDEX "members_email_old" ON "members" ("email");
--> statement-breakpoint
PRAGMA foreign_key_check("members");
