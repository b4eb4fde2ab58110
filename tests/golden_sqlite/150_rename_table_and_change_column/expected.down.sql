-- shale:down of 0001_after

ALTER TABLE "people" RENAME TO "users";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"age" INTEGER,
	"nickname" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "age", "nickname") SELECT "id", "age", "nickname" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE INDEX "users_age_idx" ON "users" ("age");
--> statement-breakpoint
PRAGMA foreign_key_check("users");
