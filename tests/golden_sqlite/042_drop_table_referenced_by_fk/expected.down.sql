-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_projects" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_projects" ("id", "name") SELECT "id", "name" FROM "projects";
--> statement-breakpoint
DROP TABLE "projects";
--> statement-breakpoint
ALTER TABLE "__new_projects" RENAME TO "projects";
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
