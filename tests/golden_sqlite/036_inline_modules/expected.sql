CREATE TABLE "org_settings" (
	"org_id" INTEGER NOT NULL,
	"theme" TEXT NOT NULL,
	PRIMARY KEY ("org_id"),
	CONSTRAINT "org_settings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" INTEGER NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT)
);
