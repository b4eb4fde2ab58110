-- shale:down of 0001_after

ALTER TABLE "members" RENAME TO "users";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"handle" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_org_id_handle_key" UNIQUE ("org_id", "handle"),
	CONSTRAINT "users_handle_check" CHECK (handle <> ''),
	CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "org_id", "email", "handle") SELECT "id", "org_id", "email", "handle" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" ("email");
--> statement-breakpoint
PRAGMA foreign_key_check("users");
