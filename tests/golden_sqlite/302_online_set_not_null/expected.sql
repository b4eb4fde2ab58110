-- hazard: TABLE_REWRITE rebuilds table "users" (copies every row; drops its triggers)
-- hazard: NOT_NULL_WITHOUT_DEFAULT makes "users"."email" NOT NULL: fails if a row holds NULL

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "email") SELECT "id", "email" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
PRAGMA foreign_key_check("users");
