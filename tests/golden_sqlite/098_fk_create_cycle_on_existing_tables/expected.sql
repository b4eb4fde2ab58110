-- hazard: TABLE_REWRITE rebuilds table "orgs" (copies every row; drops its triggers)

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_orgs" (
	"id" INTEGER NOT NULL,
	"default_project_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "orgs_default_project_id_fkey" FOREIGN KEY ("default_project_id") REFERENCES "projects"("id") ON DELETE SET NULL
);
--> statement-breakpoint
INSERT INTO "__new_orgs" ("id") SELECT "id" FROM "orgs";
--> statement-breakpoint
DROP TABLE "orgs";
--> statement-breakpoint
ALTER TABLE "__new_orgs" RENAME TO "orgs";
--> statement-breakpoint
PRAGMA foreign_key_check("orgs");
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
