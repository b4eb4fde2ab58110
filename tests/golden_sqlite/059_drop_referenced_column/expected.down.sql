-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_orgs" (
	"id" INTEGER NOT NULL,
	"code" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "orgs_code_key" UNIQUE ("code")
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
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "projects_org_code_fkey" FOREIGN KEY ("org_code") REFERENCES "orgs"("code") ON UPDATE CASCADE
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
