CREATE TABLE "users" (
	"id" INTEGER NOT NULL,
	"role" TEXT NOT NULL,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_role_enum" CHECK ("role" IN ('owner', 'admin', 'billing_manager', 'guest-user'))
);
