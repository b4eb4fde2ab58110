-- hazard: TABLE_REWRITE rebuilds table "accounts" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_accounts" (
	"id" INTEGER NOT NULL,
	"handle" TEXT NOT NULL,
	PRIMARY KEY ("id"),
	CONSTRAINT "accounts_handle_key" UNIQUE ("handle")
);
--> statement-breakpoint
INSERT INTO "__new_accounts" ("id", "handle") SELECT "id", "handle" FROM "accounts";
--> statement-breakpoint
DROP TABLE "accounts";
--> statement-breakpoint
ALTER TABLE "__new_accounts" RENAME TO "accounts";
--> statement-breakpoint
PRAGMA foreign_key_check("accounts");
