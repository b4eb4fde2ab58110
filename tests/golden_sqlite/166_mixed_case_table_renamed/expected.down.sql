-- shale:down of 0001_after

ALTER TABLE "Accounts" RENAME TO "UserAccounts";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_UserAccounts" (
	"id" INTEGER NOT NULL,
	"Email" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "UserAccounts_Email_key" UNIQUE ("Email")
);
--> statement-breakpoint
INSERT INTO "__new_UserAccounts" ("id", "Email") SELECT "id", "Email" FROM "UserAccounts";
--> statement-breakpoint
DROP TABLE "UserAccounts";
--> statement-breakpoint
ALTER TABLE "__new_UserAccounts" RENAME TO "UserAccounts";
--> statement-breakpoint
CREATE INDEX "UserAccounts_Email_idx" ON "UserAccounts" ("Email");
--> statement-breakpoint
PRAGMA foreign_key_check("UserAccounts");
