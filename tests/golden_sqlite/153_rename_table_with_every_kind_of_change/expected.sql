-- hazard: BACKWARD_INCOMPATIBLE renames table "users" to "members"
-- hazard: TABLE_REWRITE rebuilds table "members" (copies every row; drops its triggers)
-- hazard: DELETES_DATA drops column "members"."legacy"

DROP INDEX "users_email_idx";
--> statement-breakpoint
ALTER TABLE "users" RENAME TO "members";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_members" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"age_years" INTEGER,
	"tier" TEXT NOT NULL,
	"joined_at" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "members_tier_enum" CHECK ("tier" IN ('free', 'paid', 'enterprise')),
	CONSTRAINT "users_age_sane" CHECK (age_years < 150),
	CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id") ON DELETE CASCADE
);
--> statement-breakpoint
INSERT INTO "__new_members" ("id", "org_id", "email", "age_years", "tier") SELECT "id", "org_id", "email", "age", "tier" FROM "members";
--> statement-breakpoint
DROP TABLE "members";
--> statement-breakpoint
ALTER TABLE "__new_members" RENAME TO "members";
--> statement-breakpoint
PRAGMA foreign_key_check("members");
