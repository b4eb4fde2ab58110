-- shale:down of 0001_after
-- shale:data-loss: drops column "orgs"."default_project_id"

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
PRAGMA foreign_key_check("orgs");
--> statement-breakpoint
PRAGMA foreign_key_check("projects");
