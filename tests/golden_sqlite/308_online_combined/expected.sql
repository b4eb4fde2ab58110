-- hazard: TABLE_REWRITE rebuilds table "members" (copies every row; drops its triggers)
-- hazard: NOT_NULL_WITHOUT_DEFAULT makes "members"."org_id" NOT NULL: fails if a row holds NULL

DROP INDEX "members_email_old";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_members" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"nickname" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "members_org_id_email_key" UNIQUE ("org_id", "email"),
	CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_members" ("id", "org_id", "email", "nickname") SELECT "id", "org_id", "email", "nickname" FROM "members";
--> statement-breakpoint
DROP TABLE "members";
--> statement-breakpoint
ALTER TABLE "__new_members" RENAME TO "members";
--> statement-breakpoint
CREATE INDEX "members_nickname_idx" ON "members" ("nickname");
--> statement-breakpoint
PRAGMA foreign_key_check("members");
