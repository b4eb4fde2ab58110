-- hazard: DELETES_DATA drops table "orgs" and all its rows
-- hazard: BACKWARD_INCOMPATIBLE table "orgs" disappears
-- hazard: TABLE_REWRITE rebuilds table "projects" (copies every row; drops its triggers)
-- hazard: DELETES_DATA drops column "projects"."org_id"

DROP TABLE "orgs";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_projects" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
INSERT INTO "__new_projects" ("id", "name") SELECT "id", "name" FROM "projects";
--> statement-breakpoint
DROP TABLE "projects";
--> statement-breakpoint
ALTER TABLE "__new_projects" RENAME TO "projects";
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
