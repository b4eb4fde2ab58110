-- shale:down of 0001_after

DROP VIEW "states";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"active" INTEGER NOT NULL,
	PRIMARY KEY ("id")
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "email") SELECT "id", "email" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE VIEW "states" ("id", "active") AS
SELECT id, active FROM users;
--> statement-breakpoint
PRAGMA foreign_key_check("users");
