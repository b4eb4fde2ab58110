-- shale:down of 0001_after
-- shale:data-loss: drops column "users"."joined_at"

ALTER TABLE "members" RENAME TO "users";
--> statement-breakpoint
PRAGMA defer_foreign_keys = ON;
--> statement-breakpoint
CREATE TABLE "__new_users" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"age" INTEGER,
	"legacy" TEXT,
	"tier" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_age_sane" CHECK (age < 200),
	CONSTRAINT "users_tier_enum" CHECK ("tier" IN ('free', 'paid')),
	CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "orgs"("id")
);
--> statement-breakpoint
INSERT INTO "__new_users" ("id", "org_id", "email", "age", "tier") SELECT "id", "org_id", "email", "age_years", "tier" FROM "users";
--> statement-breakpoint
DROP TABLE "users";
--> statement-breakpoint
ALTER TABLE "__new_users" RENAME TO "users";
--> statement-breakpoint
CREATE INDEX "users_email_idx" ON "users" ("email");
--> statement-breakpoint
PRAGMA foreign_key_check("users");
