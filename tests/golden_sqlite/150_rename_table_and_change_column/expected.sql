-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "people"
-- hazard: TABLE_REWRITE rebuilds table "people" (copies every row; drops its triggers)
-- hazard: NOT_NULL_WITHOUT_DEFAULT makes "people"."nickname" NOT NULL: fails if a row holds NULL

ALTER TABLE "users" RENAME TO "people";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_people" (
	"id" INTEGER NOT NULL,
	"age" INTEGER,
	"nickname" TEXT NOT NULL DEFAULT '',
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_people" ("id", "age", "nickname") SELECT "id", "age", "nickname" FROM "people";
--> statement-breakpoint
DROP TABLE "people";
--> statement-breakpoint
ALTER TABLE "__new_people" RENAME TO "people";
--> statement-breakpoint
CREATE INDEX "people_age_idx" ON "people" ("age");
--> statement-breakpoint
PRAGMA foreign_key_check("people");
