CREATE TABLE "users" (
	"id" INTEGER NOT NULL,
	"email" TEXT NOT NULL,
	"handle" TEXT,
	PRIMARY KEY ("id" AUTOINCREMENT),
	CONSTRAINT "users_email_key" UNIQUE ("email"),
	CONSTRAINT "users_handle_key" UNIQUE ("handle")
);
