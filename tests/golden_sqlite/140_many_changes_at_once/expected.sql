-- hazard: TABLE_REWRITE rebuilds table "users" (copies every row; drops its triggers)
-- hazard: DELETES_DATA drops column "users"."name"

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"org_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE SET NULL
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "email") SELECT "id", "email" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE INDEX "users_org_id_idx" ON "users" ("org_id");
--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	"role" TEXT NOT NULL DEFAULT 'member',
	PRIMARY KEY ("org_id", "user_id"),
	CONSTRAINT "memberships_role_enum" CHECK ("role" IN ('owner', 'member')),
	CONSTRAINT "memberships_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE,
	CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
);
--> statement-breakpoint
PRAGMA foreign_key_check("users");
