-- hazard: BACKWARD_INCOMPATIBLE renames table "orgs" to "organisations"
-- hazard: TABLE_REWRITE rebuilds table "organisations" (copies every row; drops its triggers)

ALTER TABLE "orgs" RENAME TO "organisations";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_organisations" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	CONSTRAINT "organisations_pkey" PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_organisations" ("id", "name") SELECT "id", "name" FROM "organisations";
--> statement-breakpoint
DROP TABLE "organisations";
--> statement-breakpoint
ALTER TABLE "__new_organisations" RENAME TO "organisations";
--> statement-breakpoint
PRAGMA foreign_key_check("organisations");
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
