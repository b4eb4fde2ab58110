-- hazard: TABLE_REWRITE rebuilds table "orgs" (copies every row; drops its triggers)
-- hazard: DELETES_DATA drops column "orgs"."code"
-- hazard: TABLE_REWRITE rebuilds table "projects" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_orgs" (
	"id" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_orgs" ("id") SELECT "id" FROM "orgs";
--> statement-breakpoint
DROP TABLE "orgs";
--> statement-breakpoint
ALTER TABLE "__new_orgs" RENAME TO "orgs";
--> statement-breakpoint
CREATE TABLE "__new_projects" (
	"id" INTEGER NOT NULL,
	"org_code" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_projects" ("id", "org_code") SELECT "id", "org_code" FROM "projects";
--> statement-breakpoint
DROP TABLE "projects";
--> statement-breakpoint
ALTER TABLE "__new_projects" RENAME TO "projects";
--> statement-breakpoint
PRAGMA foreign_key_check("orgs");
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
