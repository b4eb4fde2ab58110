-- hazard: TABLE_REWRITE rebuilds table "users" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"organisation_id" INTEGER NOT NULL,
	"login" TEXT NOT NULL,
	"username" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_organisation_id_username_key" UNIQUE ("organisation_id", "username"),
	CONSTRAINT "users_username_check" CHECK (username <> ''),
	CONSTRAINT "users_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "organisation_id", "login", "username") SELECT "id", "org_id", "email", "handle" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE INDEX "users_login_idx" ON "users" ("login");
--> statement-breakpoint
PRAGMA foreign_key_check("users");
