-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_accounts" (
	"id" INTEGER NOT NULL,
	"handle" TEXT NOT NULL
);
--> statement-breakpoint
INSERT INTO "__new_accounts" ("id", "handle") SELECT "id", "handle" FROM "accounts";
--> statement-breakpoint
DROP TABLE "accounts";
--> statement-breakpoint
ALTER TABLE "__new_accounts" RENAME TO "accounts";
--> statement-breakpoint
PRAGMA foreign_key_check("accounts");
