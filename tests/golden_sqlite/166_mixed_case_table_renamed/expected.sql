-- hazard: BACKWARD_INCOMPATIBLE renames table "UserAccounts" to "Accounts"
-- hazard: TABLE_REWRITE rebuilds table "Accounts" (copies every row; drops its triggers)

ALTER TABLE "UserAccounts" RENAME TO "Accounts";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_Accounts" (
	"id" INTEGER NOT NULL,
	"Email" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "Accounts_Email_key" UNIQUE ("Email")
);
--> statement-breakpoint
INSERT INTO "__new_Accounts" ("id", "Email") SELECT "id", "Email" FROM "Accounts";
--> statement-breakpoint
DROP TABLE "Accounts";
--> statement-breakpoint
ALTER TABLE "__new_Accounts" RENAME TO "Accounts";
--> statement-breakpoint
CREATE INDEX "Accounts_Email_idx" ON "Accounts" ("Email");
--> statement-breakpoint
PRAGMA foreign_key_check("Accounts");
