CREATE TABLE "orgs" (
	"id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"name" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "projects_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
