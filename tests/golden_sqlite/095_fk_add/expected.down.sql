-- shale:down of 0001_after

PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_projects" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"owner_org_id" INTEGER,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_projects" ("id", "org_id", "owner_org_id") SELECT "id", "org_id", "owner_org_id" FROM "projects";
--> statement-breakpoint
DROP TABLE "projects";
--> statement-breakpoint
ALTER TABLE "__new_projects" RENAME TO "projects";
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
