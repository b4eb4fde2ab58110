CREATE TABLE "users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"plan" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_plan_enum" CHECK ("plan" IN ('free', 'pro'))
);
