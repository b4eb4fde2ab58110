-- hazard: TABLE_REWRITE rebuilds table "users" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"name" TEXT,
	"plan" TEXT NOT NULL DEFAULT 'free',
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_plan_enum" CHECK ("plan" IN ('free', 'team', 'enterprise'))
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "email", "name") SELECT "id", "email", "name" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
PRAGMA foreign_key_check("users");
