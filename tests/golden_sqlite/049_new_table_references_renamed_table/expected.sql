-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "accounts"
-- hazard: TABLE_REWRITE rebuilds table "accounts" (copies every row; drops its triggers)

ALTER TABLE "users" RENAME TO "accounts";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_accounts" (
	"id" INTEGER NOT NULL,
	CONSTRAINT "accounts_pkey" PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_accounts" ("id") SELECT "id" FROM "accounts";
--> statement-breakpoint
DROP TABLE "accounts";
--> statement-breakpoint
ALTER TABLE "__new_accounts" RENAME TO "accounts";
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" INTEGER NOT NULL,
	"account_id" INTEGER NOT NULL,
	CONSTRAINT "sessions_pkey" PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "sessions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE
);
--> statement-breakpoint
PRAGMA foreign_key_check("accounts");
