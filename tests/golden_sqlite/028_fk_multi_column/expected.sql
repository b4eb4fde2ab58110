CREATE TABLE "membership_grants" (
	"id" INTEGER NOT NULL,
	"org_id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	"granted_by" INTEGER NOT NULL,
	"permission" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "grants_membership_fk" FOREIGN KEY ("org_id", "user_id") REFERENCES "memberships"("org_id", "user_id") ON DELETE CASCADE,
	CONSTRAINT "membership_grants_org_id_granted_by_fkey" FOREIGN KEY ("org_id", "granted_by") REFERENCES "memberships"("org_id", "user_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	PRIMARY KEY ("org_id", "user_id")
);
