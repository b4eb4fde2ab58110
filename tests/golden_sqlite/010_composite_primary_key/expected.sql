CREATE TABLE "memberships" (
	"org_id" INTEGER NOT NULL,
	"user_id" INTEGER NOT NULL,
	"role" TEXT NOT NULL,
	CONSTRAINT "memberships_pkey" PRIMARY KEY ("org_id", "user_id")
);
