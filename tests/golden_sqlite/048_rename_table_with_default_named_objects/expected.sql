-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members"
-- hazard: TABLE_REWRITE rebuilds table "members" (copies every row; drops its triggers)

ALTER TABLE "users" RENAME TO "members";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_members" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"handle" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "members_org_id_handle_key" UNIQUE ("org_id", "handle"),
	CONSTRAINT "members_handle_check" CHECK (handle <> ''),
	CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_members" ("id", "org_id", "email", "handle") SELECT "id", "org_id", "email", "handle" FROM "members";
--> statement-breakpoint
DROP TABLE "members";
--> statement-breakpoint
ALTER TABLE "__new_members" RENAME TO "members";
--> statement-breakpoint
CREATE INDEX "members_email_idx" ON "members" ("email");
--> statement-breakpoint
PRAGMA foreign_key_check("members");
